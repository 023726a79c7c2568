import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { vi } from "vitest";
import { backend } from "../../backend";
import type { Person } from "../../bindings/Person";
import type { SessionStatus } from "../../bindings/SessionStatus";
import { renderWithProviders } from "../../test-utils";
import { ProfilePicker } from "./ProfilePicker";

vi.mock("../../backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../backend")>();
  return { ...actual, backend: { sessionStatus: vi.fn(), people: vi.fn(), setWorkingAs: vi.fn() } };
});

const ana: Person = {
  id: "P-1",
  name: "Ana Ruiz",
  roles: ["compliance_officer", "administrator"],
  active: true,
  created_at: "2026-01-01T00:00:00Z",
};
const ben: Person = {
  id: "P-2",
  name: "Ben Okafor",
  roles: ["executive"],
  active: true,
  created_at: "2026-01-01T00:00:00Z",
};
const gone: Person = {
  id: "P-3",
  name: "Cleo Left",
  roles: ["consultant"],
  active: false,
  created_at: "2026-01-01T00:00:00Z",
};

const status = (working_as: Person | null): SessionStatus => ({
  portfolio: { path: "/p/a.steerco" } as SessionStatus["portfolio"],
  problem: null,
  default_path: "/p/a.steerco",
  working_as,
  has_people: true,
});

describe("ProfilePicker", () => {
  beforeEach(() => {
    vi.mocked(backend.people).mockResolvedValue([ana, ben, gone]);
  });

  it("asks who is working when nobody is chosen, listing only active people, and says it is not a login", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValue(status(null));
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    const picker = await screen.findByTestId("profile-picker");
    expect(picker.textContent).toContain("This records who does what on a shared laptop; it is not a login.");
    expect(await within(picker).findByTestId("profile-P-1")).toBeTruthy();
    expect(within(picker).getByTestId("profile-P-2").textContent).toContain("executive");
    expect(within(picker).queryByTestId("profile-P-3")).toBeNull();
    expect(screen.getByTestId("working-as").textContent).toBe("Choose who is working");
  });

  it("choosing a person calls session_set_working_as and refreshes the session", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValueOnce(status(null)).mockResolvedValue(status(ana));
    vi.mocked(backend.setWorkingAs).mockResolvedValue(status(ana));
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    fireEvent.click(await screen.findByTestId("profile-P-1"));
    await waitFor(() => expect(backend.setWorkingAs).toHaveBeenCalledWith("Ana Ruiz"));
    await waitFor(() =>
      expect(screen.getByTestId("working-as").textContent).toBe(
        "Working as Ana Ruiz · compliance officer, administrator",
      ),
    );
    await waitFor(() => expect(screen.queryByTestId("profile-picker")).toBeNull());
  });

  it("shows a refusal in an alert and keeps the picker open", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValue(status(null));
    const { BackendError } = await import("../../backend");
    vi.mocked(backend.setWorkingAs).mockRejectedValue(
      new BackendError({ code: "forbidden", message: "Ben Okafor is marked inactive on this portfolio", field: null }),
    );
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    fireEvent.click(await screen.findByTestId("profile-P-2"));
    expect(await screen.findByText("Ben Okafor is marked inactive on this portfolio")).toBeTruthy();
    expect(screen.getByTestId("profile-picker")).toBeTruthy();
  });

  it("does not ask when someone is already working", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValue(status(ben));
    renderWithProviders(<ProfilePicker portfolioKey="/p/a.steerco" />);
    await waitFor(() => expect(screen.getByTestId("working-as").textContent).toBe("Working as Ben Okafor · executive"));
    expect(screen.queryByTestId("profile-picker")).toBeNull();
  });
});
