// Where a handler's refusal goes in a form: beside the field it names when the form has that
// field, otherwise as one message for the whole form. Decided on `code`/`field`, never on text.
import { BackendError } from "../backend";

export interface Refusal {
  /** The form field to show the message beside, or null for an Alert over the form. */
  field: string | null;
  message: string;
}

export function placeRefusal(error: Error, formFields: readonly string[]): Refusal {
  if (error instanceof BackendError && error.code === "invalid_input" && error.field && formFields.includes(error.field)) {
    // The message starts with the field's name, which the field's label already says.
    const prefix = `${error.field}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { field: error.field, message };
  }
  return { field: null, message: error.message };
}

/** The refusal as a form's error map: `{ [field]: message }`, or `{ form: message }`. */
export function refusalErrors(error: Error, formFields: readonly string[]): Record<string, string> {
  const { field, message } = placeRefusal(error, formFields);
  return { [field ?? "form"]: message };
}
