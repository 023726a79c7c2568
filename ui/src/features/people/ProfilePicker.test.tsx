import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Person } from "../../bindings/Person";
import type { SessionStatus } from "../../bindings/SessionStatus";
import type { WorkingAsRequest } from "../../bindings/WorkingAsRequest";
import { refuse, requestsTo, respond } from "../../test-backend";
import { person, session } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { ProfilePicker } from "./ProfilePicker";

const ana = person("P-1", "Ana Ruiz", ["compliance_officer", "administrator"]);
const ben = person("P-2", "Ben Okafor", ["executive"]);
const gone = person("P-3", "Cleo Left", ["consultant"], false);

const status = (working_as: Person | null): SessionStatus => session({ working_as, has_people: true });

describe("ProfilePicker", () => {
  beforeEach(() => respond({ person_list: () => [ana, ben, gone] }));

  it("asks who is working when nobody is chosen, listing only active people, and says it is not a login", async () => {
    respond({ session_status: () => status(null) });
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    const picker = await screen.findByTestId("profile-picker");
    expect(picker.textContent).toContain("This records who does what on a shared laptop; it is not a login.");
    expect(await within(picker).findByTestId("profile-P-1")).toBeTruthy();
    expect(within(picker).getByTestId("profile-P-2").textContent).toContain("executive");
    expect(within(picker).queryByTestId("profile-P-3")).toBeNull();
    expect(screen.getByTestId("working-as").textContent).toBe("Choose who is working");
  });

  it("choosing a person calls session_set_working_as and refreshes the session", async () => {
    let working: Person | null = null;
    respond({
      session_status: () => status(working),
      session_set_working_as: (req: WorkingAsRequest) => {
        working = [ana, ben].find((p) => p.name === req.name) ?? null;
        return status(working);
      },
    });
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    fireEvent.click(await screen.findByTestId("profile-P-1"));
    await waitFor(() => expect(requestsTo("session_set_working_as")).toEqual([{ name: "Ana Ruiz" }]));
    await waitFor(() =>
      expect(screen.getByTestId("working-as").textContent).toBe(
        "Working as Ana Ruiz · compliance officer, administratorSwitch",
      ),
    );
    await waitFor(() => expect(screen.queryByTestId("profile-picker")).toBeNull());
  });

  it("shows a refusal in an alert and keeps the picker open", async () => {
    respond({
      session_status: () => status(null),
      session_set_working_as: () => refuse("forbidden", "Ben Okafor is marked inactive on this portfolio"),
    });
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    fireEvent.click(await screen.findByTestId("profile-P-2"));
    expect(await screen.findByText("Ben Okafor is marked inactive on this portfolio")).toBeTruthy();
    expect(screen.getByTestId("profile-picker")).toBeTruthy();
  });

  it("does not ask when someone is already working", async () => {
    respond({ session_status: () => status(ben) });
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    await waitFor(() =>
      expect(screen.getByTestId("working-as").textContent).toBe("Working as Ben Okafor · executiveSwitch"),
    );
    expect(screen.queryByTestId("profile-picker")).toBeNull();
  });

  it("says Switch, not Work as, once someone is working", async () => {
    respond({ session_status: () => status(ben) });
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    const button = await screen.findByTestId("working-as");
    await waitFor(() => expect(screen.getByTestId("working-as-switch").textContent).toBe("Switch"));
    fireEvent.click(button);
    const picker = await screen.findByTestId("profile-picker");
    expect(screen.getByText("Switch who is working")).toBeTruthy();
    expect((await within(picker).findByTestId("profile-P-1")).getAttribute("aria-label")).toBe("Switch to Ana Ruiz");
    expect(within(picker).getByTestId("profile-P-2").getAttribute("aria-label")).toBe("Ben Okafor (working now)");
    expect(within(picker).getByTestId("profile-P-2").textContent).toContain("Working now");
    expect(document.body.textContent).not.toMatch(/Work as\b/);
  });

  it("asks who is working, without Switch, when nobody is", async () => {
    respond({ session_status: () => status(null) });
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    await screen.findByTestId("profile-picker");
    expect(screen.getByText("Who is working?")).toBeTruthy();
    expect(screen.queryByTestId("working-as-switch")).toBeNull();
  });

  it("stops working as someone with an empty name", async () => {
    let working: Person | null = ben;
    respond({
      session_status: () => status(working),
      session_set_working_as: () => {
        working = null;
        return status(null);
      },
    });
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    await waitFor(() => expect(screen.getByTestId("working-as").textContent).toContain("Ben Okafor"));
    fireEvent.click(screen.getByTestId("working-as"));
    fireEvent.click(await screen.findByText("Stop working as Ben Okafor"));
    await waitFor(() => expect(requestsTo("session_set_working_as")).toEqual([{ name: null }]));
    await waitFor(() => expect(screen.getByTestId("working-as").textContent).toBe("Choose who is working"));
  });
});
