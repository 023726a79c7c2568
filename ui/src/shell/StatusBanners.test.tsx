import { act, screen } from "@testing-library/react";
import { emit } from "../test-backend";
import { renderWithProviders } from "../test-utils";
import { BusyBanner, ReadOnlyBanner } from "./StatusBanners";

describe("status banners", () => {
  it("says a save is waiting for another Steerco while it waits, and only then", async () => {
    renderWithProviders(<BusyBanner />);
    expect(screen.queryByTestId("busy-banner")).toBeNull();
    await act(async () => {}); // let the listener register
    act(() => emit("steerco:busy", { waiting: true, path: "/data/halden.steerco" }));
    expect(screen.getByTestId("busy-banner").textContent).toContain(
      "Waiting for another Steerco to finish with halden.steerco",
    );
    act(() => emit("steerco:busy", { waiting: false, path: "/data/halden.steerco" }));
    expect(screen.queryByTestId("busy-banner")).toBeNull();
  });

  it("says why a portfolio is read-only", () => {
    renderWithProviders(<ReadOnlyBanner reason="the folder cannot be written" />);
    expect(screen.getByTestId("read-only-banner").textContent).toContain("the folder cannot be written");
  });
});
