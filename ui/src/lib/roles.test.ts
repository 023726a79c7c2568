import { rolesText, withArticle } from "./roles";

describe("role wording", () => {
  it("lists roles by their labels and picks the article", () => {
    expect(rolesText(["compliance_officer", "administrator"])).toBe("compliance officer, administrator");
    expect(withArticle("executive")).toBe("an executive");
    expect(withArticle("consultant")).toBe("a consultant");
  });
});
