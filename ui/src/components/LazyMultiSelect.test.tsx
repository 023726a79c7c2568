import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { vi } from "vitest";
import { renderWithProviders } from "../test-utils";
import { LazyMultiSelect } from "./LazyMultiSelect";

const DATA = [
  { value: "portfolio", label: "Portfolio" },
  { value: "research", label: "Research" },
];
const options = () => document.querySelectorAll<HTMLElement>("[data-combobox-option]");
const option = (value: string) => document.querySelector<HTMLElement>(`[data-combobox-option][value="${value}"]`)!;

function Filter({ Select, onChange }: { Select: typeof MultiSelect; onChange: (v: string[]) => void }) {
  const [value, setValue] = useState<string[]>([]);
  const change = (v: string[]) => {
    setValue(v);
    onChange(v);
  };
  const props: MultiSelectProps = { label: "Lane", placeholder: "All lanes", data: DATA, value, onChange: change };
  return <Select {...props} clearable />;
}

describe("LazyMultiSelect", () => {
  it("renders no option until the pointer first reaches it, then keeps them as Mantine does", () => {
    renderWithProviders(<Filter Select={LazyMultiSelect as typeof MultiSelect} onChange={() => {}} />);
    expect(options()).toHaveLength(0);
    fireEvent.mouseEnter(screen.getByText("Lane").parentElement!);
    expect(options()).toHaveLength(2);
  });

  // The same keyboard and pointer use, with Mantine's MultiSelect and with the lazy one. (In jsdom
  // an open dropdown measures as detached and is hidden, so options are found by attribute.)
  describe.each([
    ["MultiSelect", MultiSelect],
    ["LazyMultiSelect", LazyMultiSelect as typeof MultiSelect],
  ])("%s", (_name, Select) => {
    it("opens on the arrow key once focused, with the first option active, and Enter picks it", () => {
      const onChange = vi.fn();
      renderWithProviders(<Filter Select={Select} onChange={onChange} />);
      const input = screen.getByRole("textbox", { name: "Lane" });
      act(() => input.focus());
      fireEvent.keyDown(input, { key: "ArrowDown", code: "ArrowDown" });
      expect(input.getAttribute("data-expanded")).toBe("true");
      const first = option("portfolio");
      expect(first.hasAttribute("data-combobox-selected")).toBe(true);
      fireEvent.keyDown(input, { key: "Enter", code: "Enter" });
      expect(onChange).toHaveBeenLastCalledWith(["portfolio"]);
    });

    it("opens on a click and picks the option clicked", async () => {
      const onChange = vi.fn();
      renderWithProviders(<Filter Select={Select} onChange={onChange} />);
      fireEvent.click(screen.getByRole("textbox", { name: "Lane" }));
      await waitFor(() => expect(options()).toHaveLength(2));
      fireEvent.click(option("research"));
      expect(onChange).toHaveBeenLastCalledWith(["research"]);
    });
  });
});
