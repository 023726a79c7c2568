import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { BlueprintPartUpdate } from "../../bindings/BlueprintPartUpdate";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { adapterVersion, ANA, policy, sessionAs } from "../registry/testData";
import { BlueprintTab } from "./BlueprintTab";
import { blueprint } from "./testData";

const COMPLETE_POLICIES = {
  part: "policies" as const,
  owner: "Ben",
  content: { part: "policies" as const, policy_ids: ["POL-1"] },
  missing: [],
  updated_by: "Ben",
  updated_at: "2026-11-01T09:00:00Z",
};

function change(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

/** Types a tag into a TagsInput and presses Enter. */
function tag(testId: string, value: string) {
  change(testId, value);
  fireEvent.keyDown(screen.getByTestId(testId), { key: "Enter" });
}

async function edit(part: string) {
  fireEvent.click(await screen.findByTestId(`blueprint-edit-${part}`));
  return screen.findByTestId("blueprint-save");
}

describe("BlueprintTab", () => {
  beforeEach(() =>
    respond({
      session_status: () => sessionAs(ANA),
      blueprint_get: () => blueprint([COMPLETE_POLICIES]),
      blueprint_set_part: (req: BlueprintPartUpdate) =>
        blueprint([{ part: req.content.part, owner: req.owner, content: req.content }]),
      policy_list: () => [policy(), policy({ id: "POL-2", title: "Prompt management" })],
      adapter_version_list: () => [
        adapterVersion({ use_case_id: "UC-001" }),
        adapterVersion({ id: "AV-4", version: "1.3.0", use_case_id: "UC-001", status: "approved" }),
        adapterVersion({ id: "AV-9", adapter_id: "AD-2", adapter_name: "other", use_case_id: "UC-002" }),
      ],
    }),
  );

  it("shows each part's owner, content, what it lacks and its review stamp", async () => {
    respond({
      blueprint_get: () =>
        blueprint([{ ...COMPLETE_POLICIES, reviewed_by: "Ana", reviewed_at: "2026-11-02T10:00:00Z" }]),
    });
    renderWithProviders(<BlueprintTab useCaseId="UC-001" focusPart={null} />);
    const policies = await screen.findByTestId("blueprint-part-policies");
    expect(within(policies).getByTestId("blueprint-owner-policies").textContent).toBe("Owner: Ben");
    expect(policies.textContent).toContain("POL-1 Acceptable data sources");
    expect(within(policies).getByTestId("blueprint-reviewed-policies").textContent).toMatch(/^Reviewed by Ana on /);
    const monitoring = screen.getByTestId("blueprint-part-monitoring");
    expect(within(monitoring).getByTestId("blueprint-owner-monitoring").textContent).toBe("No owner yet");
    expect(within(monitoring).getByTestId("blueprint-reviewed-monitoring").textContent).toBe("Not reviewed");
    expect(within(monitoring).getByTestId("blueprint-missing-monitoring").textContent).toContain(
      "tracing (what, where)",
    );
  });

  it("saves the monitoring part as the backend's content, numbers and direction included", async () => {
    renderWithProviders(<BlueprintTab useCaseId="UC-001" focusPart={null} />);
    const save = await edit("monitoring");
    change("bp-field-owner", "Marco Ferri");
    change("bp-field-traced_what", "prompts, completions");
    change("bp-field-traced_where", "Tempo, 30 days");
    change("bp-field-drift_metric", "escalation_rate");
    change("bp-field-drift_baseline", "0.12");
    change("bp-field-drift_threshold", "0.2");
    fireEvent.click(screen.getByTestId("bp-field-drift_direction"));
    fireEvent.click(document.querySelector('[data-combobox-option][value="above"]')!);
    change("bp-field-drift_check_frequency", "daily");
    change("bp-field-feedback_channel", "thumbs in the claims tool");
    change("bp-field-feedback_owner", "Marco Ferri");
    change("bp-field-feedback_review_frequency", "weekly");
    fireEvent.click(save);
    await waitFor(() => expect(requestsTo("blueprint_set_part")).toHaveLength(1));
    expect(requestsTo("blueprint_set_part")[0]).toEqual({
      use_case_id: "UC-001",
      owner: "Marco Ferri",
      content: {
        part: "monitoring",
        traced_what: "prompts, completions",
        traced_where: "Tempo, 30 days",
        drift_metric: "escalation_rate",
        drift_baseline: 0.12,
        drift_threshold: 0.2,
        drift_direction: "above",
        drift_check_frequency: "daily",
        feedback_channel: "thumbs in the claims tool",
        feedback_owner: "Marco Ferri",
        feedback_review_frequency: "weekly",
      },
    });
    await waitFor(() => expect(screen.queryByTestId("blueprint-save")).toBeNull());
  });

  it("saves the security part with its secrets, service accounts and least-privilege review", async () => {
    renderWithProviders(<BlueprintTab useCaseId="UC-001" focusPart={null} />);
    const save = await edit("security");
    change("bp-field-owner", "Priya Shah");
    change("bp-field-access_what", "OIDC proxy");
    change("bp-field-access_where", "gateway");
    change("bp-field-secrets_store", "Vault");
    tag("bp-field-secrets", "openai-key");
    fireEvent.click(screen.getByTestId("bp-add-service-account"));
    change("bp-field-service_accounts-0-name", "svc-train");
    tag("bp-field-service_accounts-0-scopes", "read:claims");
    change("bp-field-least_privilege_reviewed_by", "Jonas");
    change("bp-field-least_privilege_reviewed_on", "2026-11-03");
    change("bp-field-least_privilege_findings", "none");
    fireEvent.click(save);
    await waitFor(() => expect(requestsTo("blueprint_set_part")).toHaveLength(1));
    expect((requestsTo("blueprint_set_part")[0] as BlueprintPartUpdate).content).toEqual({
      part: "security",
      access_what: "OIDC proxy",
      access_where: "gateway",
      secrets_store: "Vault",
      secrets: ["openai-key"],
      service_accounts: [{ name: "svc-train", scopes: ["read:claims"] }],
      least_privilege_reviewed_by: "Jonas",
      least_privilege_reviewed_on: "2026-11-03",
      least_privilege_findings: "none",
    });
  });

  it("offers the stored policies, and only this use case's versions for launch", async () => {
    renderWithProviders(<BlueprintTab useCaseId="UC-001" focusPart={null} />);
    let save = await edit("policies");
    fireEvent.click(screen.getByTestId("bp-field-policy_ids"));
    fireEvent.click(document.querySelector('[data-combobox-option][value="POL-2"]')!);
    fireEvent.click(save);
    await waitFor(() => expect(requestsTo("blueprint_set_part")).toHaveLength(1));
    expect(requestsTo("blueprint_set_part")[0]).toEqual({
      use_case_id: "UC-001",
      owner: "Ben",
      content: { part: "policies", policy_ids: ["POL-1", "POL-2"] },
    });
    await waitFor(() => expect(screen.queryByTestId("blueprint-save")).toBeNull());

    save = await edit("registry");
    change("bp-field-owner", "Ben");
    // The one adapter serving UC-001 is chosen; the other use case's is not offered.
    fireEvent.click(screen.getByTestId("bp-field-adapter"));
    expect(document.querySelector('[data-combobox-option][value="AD-2"]')).toBeNull();
    fireEvent.click(screen.getByTestId("bp-field-adapter_version_id"));
    fireEvent.click(document.querySelector('[data-combobox-option][value="AV-4"]')!);
    fireEvent.click(save);
    await waitFor(() => expect(requestsTo("blueprint_set_part")).toHaveLength(2));
    expect((requestsTo("blueprint_set_part")[1] as BlueprintPartUpdate).content).toEqual({
      part: "registry",
      adapter_version_id: "AV-4",
    });
  });

  it("shows a refused field beside it, and a refusal naming no field above the buttons", async () => {
    respond({
      blueprint_set_part: () =>
        refuse(
          "invalid_input",
          "owner: is required: every part of a blueprint has an owner",
          "owner",
          "is required: every part of a blueprint has an owner",
        ),
    });
    renderWithProviders(<BlueprintTab useCaseId="UC-001" focusPart={null} />);
    fireEvent.click(await edit("monitoring"));
    expect(await screen.findByText("is required: every part of a blueprint has an owner")).toBeTruthy();
    expect(screen.getByTestId("bp-field-owner").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("form-refusal")).toBeNull();

    respond({ blueprint_set_part: () => refuse("read_only", "The portfolio is open read-only") });
    fireEvent.click(screen.getByTestId("blueprint-save"));
    expect((await screen.findByTestId("form-refusal")).textContent).toContain("The portfolio is open read-only");
  });

  it("marks a complete part reviewed, and shows the backend's refusal as it words it", async () => {
    respond({
      blueprint_review: () =>
        refuse(
          "invalid_input",
          "Ana owns the policies part; someone else reviews it",
          "part",
          "Ana owns the policies part",
        ),
    });
    renderWithProviders(<BlueprintTab useCaseId="UC-001" focusPart={null} />);
    // An incomplete part waits for its fields before anyone reviews it.
    expect((await screen.findByTestId("blueprint-review-monitoring")).hasAttribute("data-disabled")).toBe(true);
    fireEvent.click(screen.getByTestId("blueprint-review-policies"));
    await waitFor(() => expect(requestsTo("blueprint_review")).toEqual([{ use_case_id: "UC-001", part: "policies" }]));
    expect((await screen.findByTestId("blueprint-review-refusal-policies")).textContent).toContain(
      "Ana owns the policies part; someone else reviews it",
    );
  });

  it("does not offer the review to the part's own owner", async () => {
    respond({ blueprint_get: () => blueprint([{ ...COMPLETE_POLICIES, owner: "Ana" }]) });
    renderWithProviders(<BlueprintTab useCaseId="UC-001" focusPart={null} />);
    const review = await screen.findByTestId("blueprint-review-policies");
    await waitFor(() => expect(review.hasAttribute("data-disabled")).toBe(true));
    fireEvent.click(review);
    expect(requestsTo("blueprint_review")).toEqual([]);
    fireEvent.mouseEnter(review);
    expect(await screen.findByText("Ana owns this part; someone else reviews it")).toBeTruthy();
  });
});
