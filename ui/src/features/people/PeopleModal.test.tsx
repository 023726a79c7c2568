import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import { backend } from "../../backend";
import type { Person } from "../../bindings/Person";
import type { SessionStatus } from "../../bindings/SessionStatus";
import { renderWithProviders } from "../../test-utils";
import { PeopleModal } from "./PeopleModal";

vi.mock("../../backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../backend")>();
  return {
    ...actual,
    backend: { sessionStatus: vi.fn(), people: vi.fn(), createPerson: vi.fn(), updatePerson: vi.fn() },
  };
});

const person = (id: string, roles: Person["roles"]): Person => ({
  id,
  name: `Person ${id}`,
  roles,
  active: true,
  created_at: "",
});
const session = (working_as: Person | null, has_people: boolean) =>
  ({ portfolio: null, problem: null, default_path: "", working_as, has_people }) as SessionStatus;

describe("PeopleModal", () => {
  it("lets anyone add the first person, proposed as an administrator", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValue(session(null, false));
    vi.mocked(backend.people).mockResolvedValue([]);
    vi.mocked(backend.createPerson).mockResolvedValue(person("P-1", ["administrator"]));
    renderWithProviders(<PeopleModal opened onClose={vi.fn()} />);
    const add = await screen.findByTestId("person-new");
    await waitFor(() => expect(add.hasAttribute("data-disabled")).toBe(false));
    fireEvent.click(add);
    fireEvent.change(await screen.findByTestId("person-name"), { target: { value: "Ana Ruiz" } });
    fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() =>
      expect(backend.createPerson).toHaveBeenCalledWith({ name: "Ana Ruiz", roles: ["administrator"], active: true }),
    );
  });

  it("leaves adding and editing to administrators once people exist", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValue(session(person("P-2", ["consultant"]), true));
    vi.mocked(backend.people).mockResolvedValue([person("P-1", ["administrator"]), person("P-2", ["consultant"])]);
    renderWithProviders(<PeopleModal opened onClose={vi.fn()} />);
    expect(await screen.findByTestId("person-row-P-1")).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("person-new").hasAttribute("data-disabled")).toBe(true));
    fireEvent.click(screen.getByTestId("person-edit-P-1"));
    expect(screen.queryByTestId("person-name")).toBeNull();
  });
});
