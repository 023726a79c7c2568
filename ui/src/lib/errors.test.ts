import { BackendError } from "../backend";
import { placeRefusal, refusalErrors } from "./errors";

describe("placeRefusal", () => {
  it("puts a refusal beside the field it names, without repeating the field's name", () => {
    const error = new BackendError({ code: "invalid_input", message: "version: \"x\" is not a semantic version", field: "version" });
    expect(placeRefusal(error, ["name", "version"])).toEqual({ field: "version", message: "\"x\" is not a semantic version" });
  });

  it("keeps the whole message for the form when the field is not on the form", () => {
    const message = "/tmp/a/adapter_config.json: cannot be read (No such file); is this a PEFT adapter folder?";
    const error = new BackendError({ code: "invalid_input", message, field: "/tmp/a/adapter_config.json" });
    expect(refusalErrors(error, ["name", "version"])).toEqual({ form: message });
  });

  it("treats anything but invalid_input as a form-level problem", () => {
    const error = new BackendError({ code: "not_found", message: "AV-9 not found", field: "id" });
    expect(refusalErrors(error, ["id"])).toEqual({ form: "AV-9 not found" });
    expect(refusalErrors(new Error("boom"), ["id"])).toEqual({ form: "boom" });
  });
});
