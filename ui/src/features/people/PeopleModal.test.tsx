import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import type { Person } from "../../bindings/Person";
import type { PersonUpdate } from "../../bindings/PersonUpdate";
import { refuse, requestsTo, respond } from "../../test-backend";
import { person, refused, session, workingAs } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { PeopleModal } from "./PeopleModal";

const ana = person("P-1", "Ana Ruiz", ["administrator"]);
const ben = person("P-2", "Ben Okafor", ["consultant"]);
const NOT_AN_ADMIN = "Only an administrator can add or change people; Ben Okafor is a consultant.";

async function editBen() {
  const edit = await screen.findByTestId("person-edit-P-2");
  await waitFor(() => expect(edit.hasAttribute("data-disabled")).toBe(false));
  fireEvent.click(edit);
  return screen.findByTestId("person-name");
}

describe("PeopleModal", () => {
  it("lets the first person be added when the backend allows it, proposed as an administrator", async () => {
    respond({
      session_status: () => session(),
      person_list: () => [],
      person_create: () => person("P-1", "Ana Ruiz", ["administrator"]),
    });
    renderWithProviders(<PeopleModal opened onClose={vi.fn()} />);
    expect(await screen.findByText("Nobody yet.")).toBeTruthy();
    const add = screen.getByTestId("person-new");
    await waitFor(() => expect(add.hasAttribute("data-disabled")).toBe(false));
    fireEvent.click(add);
    fireEvent.change(await screen.findByTestId("person-name"), { target: { value: "Ana Ruiz" } });
    fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() =>
      expect(requestsTo("person_create")).toEqual([{ name: "Ana Ruiz", roles: ["administrator"], active: true }]),
    );
  });

  it("disables adding and editing, with the backend's reason, when manage_people is not allowed", async () => {
    respond({
      session_status: () => workingAs(ben, { manage_people: refused(NOT_AN_ADMIN) }),
      person_list: () => [ana, ben],
    });
    renderWithProviders(<PeopleModal opened onClose={vi.fn()} />);
    expect(await screen.findByTestId("person-row-P-1")).toBeTruthy();
    const add = screen.getByTestId("person-new");
    await waitFor(() => expect(add.hasAttribute("data-disabled")).toBe(true));
    fireEvent.mouseEnter(add);
    expect(await screen.findByText(NOT_AN_ADMIN)).toBeTruthy();
    fireEvent.click(screen.getByTestId("person-edit-P-1"));
    expect(screen.queryByTestId("person-name")).toBeNull();
  });

  it("sends only the changed fields, with the person as the form loaded them", async () => {
    respond({
      session_status: () => workingAs(ana),
      person_list: () => [ana, ben],
      person_update: (req: PersonUpdate) => ({ ...ben, name: "Ben O. Okafor", id: req.id }),
    });
    renderWithProviders(<PeopleModal opened onClose={vi.fn()} />);
    fireEvent.change(await editBen(), { target: { value: "Ben O. Okafor" } });
    fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() => expect(requestsTo("person_update")).toHaveLength(1));
    expect(requestsTo("person_update")[0]).toEqual({
      id: "P-2",
      changes: [{ field: "name", value: "Ben O. Okafor" }],
      loaded: { name: "Ben Okafor", roles: ["consultant"], active: true },
    });
    // Saved: back to the list.
    expect(await screen.findByTestId("people-table")).toBeTruthy();
  });

  it("shows a refused field beside it", async () => {
    respond({
      session_status: () => workingAs(ana),
      person_list: () => [ana, ben],
      person_update: () =>
        refuse("invalid_input", 'name: P-1 is already "Ana Ruiz"', "name", 'P-1 is already "Ana Ruiz"'),
    });
    renderWithProviders(<PeopleModal opened onClose={vi.fn()} />);
    const name = await editBen();
    fireEvent.change(name, { target: { value: "ana ruiz" } });
    fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() => expect(name.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText('P-1 is already "Ana Ruiz"')).toBeTruthy();
    expect(screen.queryByTestId("form-refusal")).toBeNull();
  });

  it("on an edit conflict reloads the person, keeps the edit and says what happened", async () => {
    let stored: Person = ben;
    respond({
      session_status: () => workingAs(ana),
      person_list: () => [ana, stored],
      person_update: () => {
        // Someone else renamed Ben meanwhile.
        stored = { ...ben, name: "Benjamin Okafor", active: false };
        return refuse(
          "edit_conflict",
          "P-2 was changed by someone else while you were editing (name); reload it to see their change, then make yours again",
          "name",
        );
      },
    });
    renderWithProviders(<PeopleModal opened onClose={vi.fn()} />);
    const name = await editBen();
    fireEvent.change(name, { target: { value: "Ben O. Okafor" } });
    fireEvent.click(screen.getByTestId("person-save"));
    const refusal = await screen.findByTestId("form-refusal");
    expect(refusal.textContent).toContain("The person was not saved");
    expect(refusal.textContent).toContain("P-2 was changed by someone else");
    // The untouched field takes the stored value; the edited one keeps the person's, flagged.
    await waitFor(() => expect((screen.getByTestId("person-active") as HTMLInputElement).checked).toBe(false));
    expect((name as HTMLInputElement).value).toBe("Ben O. Okafor");
    expect(screen.getByText("Someone else changed this to “Benjamin Okafor” while you were editing")).toBeTruthy();
    // Saving again is checked against the reloaded person.
    respond({ person_update: (req: PersonUpdate) => ({ ...stored, name: "Ben O. Okafor", id: req.id }) });
    fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() => expect(requestsTo("person_update")).toHaveLength(2));
    expect(requestsTo("person_update")[1]).toEqual({
      id: "P-2",
      changes: [{ field: "name", value: "Ben O. Okafor" }],
      loaded: { name: "Benjamin Okafor", roles: ["consultant"], active: false },
    });
  });
});
