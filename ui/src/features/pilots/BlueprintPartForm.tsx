// Editing one blueprint part in a dialog: its owner and its fields, saved whole through
// blueprintSetPart (a change clears the part's review; the backend does that). The policies part
// offers the stored policies, the registry part the versions of this use case's adapters; the
// security and monitoring parts have their own forms (./SecurityPartForm, ./MonitoringPartForm).
import { Alert, Modal, MultiSelect, Select, SimpleGrid, Stack } from "@mantine/core";
import { useMemo, useState } from "react";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { BlueprintPartRecord } from "../../bindings/BlueprintPartRecord";
import type { PoliciesPart } from "../../bindings/PoliciesPart";
import type { Policy } from "../../bindings/Policy";
import type { RegistryPart } from "../../bindings/RegistryPart";
import { STATUS_LABEL } from "../../lib/recordKinds";
import { MonitoringPartForm } from "./MonitoringPartForm";
import { OwnerField, PartFormFooter, usePartForm } from "./partFormParts";
import { SecurityPartForm } from "./SecurityPartForm";

interface FormProps<C> {
  useCaseId: string;
  owner: string;
  content: C;
  onClose: () => void;
}

function PoliciesForm({
  useCaseId,
  owner,
  content,
  onClose,
  policies,
}: FormProps<PoliciesPart> & { policies: readonly Policy[] }) {
  const { form, saver, field } = usePartForm({
    useCaseId,
    part: "policies",
    initialValues: { owner, policy_ids: content.policy_ids },
    content: (v) => ({ policy_ids: v.policy_ids }),
    onClose,
  });
  // A policy the part names that is no longer listed still shows, by its id.
  const options = [
    ...policies.map((p) => ({ value: p.id, label: `${p.id} · ${p.title}` })),
    ...content.policy_ids.filter((id) => !policies.some((p) => p.id === id)).map((id) => ({ value: id, label: id })),
  ];
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <OwnerField inputProps={form.getInputProps("owner")} />
        <MultiSelect
          label="Policy guardrails that apply"
          description="Stored policies (Policies page); at least one"
          placeholder={policies.length === 0 ? "No policy stored yet: add one on the Policies page" : "Choose policies"}
          data={options}
          searchable
          {...field("policy_ids")}
        />
        <PartFormFooter saver={saver} onClose={onClose} />
      </Stack>
    </form>
  );
}

function RegistryForm({
  useCaseId,
  owner,
  content,
  onClose,
  versions,
}: FormProps<RegistryPart> & { versions: readonly AdapterVersion[] }) {
  // Only a version of an adapter that serves this use case may be named (the backend's rule).
  const own = useMemo(() => versions.filter((v) => v.use_case_id === useCaseId), [versions, useCaseId]);
  const adapters = useMemo(
    () => [...new Map(own.map((v) => [v.adapter_id, `${v.adapter_name} (${v.adapter_id})`])).entries()],
    [own],
  );
  const { form, saver, field } = usePartForm({
    useCaseId,
    part: "registry",
    initialValues: { owner, adapter_version_id: content.adapter_version_id },
    content: (v) => ({ adapter_version_id: v.adapter_version_id }),
    onClose,
  });
  const stored = own.find((v) => v.id === content.adapter_version_id);
  const [adapter, setAdapter] = useState<string | null>(
    stored?.adapter_id ?? (adapters.length === 1 ? adapters[0]![0] : null),
  );
  const versionOptions = own
    .filter((v) => v.adapter_id === adapter)
    .map((v) => ({ value: v.id, label: `${v.version} · ${STATUS_LABEL[v.status]} (${v.id})` }));
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <OwnerField inputProps={form.getInputProps("owner")} />
        {own.length === 0 && (
          <Alert color="orange" title={`No adapter serves ${useCaseId} yet`} data-testid="bp-no-adapter">
            Import the adapter for this use case on the Registry page; its versions are offered here.
          </Alert>
        )}
        <SimpleGrid cols={2}>
          <Select
            label="Adapter"
            data={adapters.map(([value, label]) => ({ value, label }))}
            value={adapter}
            onChange={(a) => {
              setAdapter(a);
              form.setFieldValue("adapter_version_id", null);
            }}
            disabled={own.length === 0}
            data-testid="bp-field-adapter"
          />
          <Select
            label="Version for launch"
            description="The baseline and lineage are checked for this version"
            data={versionOptions}
            clearable
            searchable
            disabled={adapter === null}
            {...field("adapter_version_id")}
          />
        </SimpleGrid>
        <PartFormFooter saver={saver} onClose={onClose} />
      </Stack>
    </form>
  );
}

function PartForm({
  useCaseId,
  record,
  policies,
  versions,
  onClose,
}: {
  useCaseId: string;
  record: BlueprintPartRecord;
  policies: readonly Policy[];
  versions: readonly AdapterVersion[];
  onClose: () => void;
}) {
  const common = { useCaseId, owner: record.owner, onClose };
  const c = record.content;
  switch (c.part) {
    case "policies":
      return <PoliciesForm {...common} content={c} policies={policies} />;
    case "registry":
      return <RegistryForm {...common} content={c} versions={versions} />;
    case "security":
      return <SecurityPartForm {...common} content={c} />;
    case "monitoring":
      return <MonitoringPartForm {...common} content={c} />;
  }
}

export function BlueprintPartModal({
  useCaseId,
  record,
  policies,
  versions,
  onClose,
}: {
  useCaseId: string;
  record: BlueprintPartRecord | null;
  policies: readonly Policy[];
  versions: readonly AdapterVersion[];
  onClose: () => void;
}) {
  return (
    <Modal
      opened={record !== null}
      onClose={onClose}
      title={record ? `${record.title} of ${useCaseId}` : ""}
      size="xl"
      centered
    >
      {/* A fresh form per opening, loaded from the part as it was shown. */}
      {record && (
        <PartForm
          key={record.part}
          useCaseId={useCaseId}
          record={record}
          policies={policies}
          versions={versions}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}
