import { refuse, respond, requestsTo } from "../test-backend";
import { api, BackendError } from "./index";

describe("the generated client", () => {
  it("sends the request under `req`, and null for commands that take none", async () => {
    respond({ portfolio_open: () => ({}), use_case_list: () => [] });
    await api.portfolioOpen({ path: "/tmp/a.steerco" });
    await api.useCaseList();
    expect(requestsTo("portfolio_open")).toEqual([{ path: "/tmp/a.steerco" }]);
    expect(requestsTo("use_case_list")).toEqual([null]);
  });

  it("turns an ApiError into a BackendError that keeps code, field and reason", async () => {
    respond({ portfolio_open: () => refuse("invalid_input", "path: is empty", "path", "is empty") });
    const error = await api.portfolioOpen({ path: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({
      code: "invalid_input",
      field: "path",
      reason: "is empty",
      message: "path: is empty",
    });
  });

  it("wraps anything else as an internal error rather than losing it", async () => {
    respond({
      use_case_list: () => {
        throw "IPC went away";
      },
    });
    await expect(api.useCaseList()).rejects.toMatchObject({ code: "internal", message: "IPC went away" });
  });
});
