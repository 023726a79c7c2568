// The security overlays part's form: identity-aware access (what, where), secrets management
// (store, secrets), the training service accounts with their scopes, and the least-privilege
// review (by whom, when, findings). Saved whole; blanks are allowed and leave the part incomplete.
import { ActionIcon, Button, Group, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { SecurityPart } from "../../bindings/SecurityPart";
import { OwnerField, PartFormFooter, type PartValues, usePartForm } from "./partFormParts";

type Values = PartValues<Omit<SecurityPart, "least_privilege_reviewed_on">> & {
  /** "" while not given (a date input's empty value). */
  least_privilege_reviewed_on: string;
};

function valuesOf(owner: string, s: SecurityPart): Values {
  return {
    owner,
    access_what: s.access_what,
    access_where: s.access_where,
    secrets_store: s.secrets_store,
    secrets: s.secrets,
    service_accounts: s.service_accounts.map((a) => ({ name: a.name, scopes: a.scopes })),
    least_privilege_reviewed_by: s.least_privilege_reviewed_by,
    least_privilege_reviewed_on: s.least_privilege_reviewed_on ?? "",
    least_privilege_findings: s.least_privilege_findings,
  };
}

export function SecurityPartForm({
  useCaseId,
  owner,
  content,
  onClose,
}: {
  useCaseId: string;
  owner: string;
  content: SecurityPart;
  onClose: () => void;
}) {
  const { form, saver, field } = usePartForm({
    useCaseId,
    part: "security",
    initialValues: valuesOf(owner, content),
    content: ({ least_privilege_reviewed_on: on, ...rest }) => ({
      ...rest,
      least_privilege_reviewed_on: on === "" ? null : on,
    }),
    onClose,
  });
  const accounts = form.getValues().service_accounts;
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <OwnerField inputProps={form.getInputProps("owner")} />
        <SimpleGrid cols={2}>
          <TextInput
            label="Identity-aware access: what"
            description="What stands in front of the endpoint"
            placeholder="OIDC proxy with group claims"
            {...field("access_what")}
          />
          <TextInput
            label="Identity-aware access: where"
            placeholder="the internal gateway"
            {...field("access_where")}
          />
          <TextInput label="Secrets store" placeholder="HashiCorp Vault, kv/claims-llm" {...field("secrets_store")} />
          <TagsInput label="Secrets kept there" description="Type a name and press Enter" {...field("secrets")} />
        </SimpleGrid>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Training service accounts
          </Text>
          {accounts.length === 0 && (
            <Text size="sm" c="dimmed">
              None yet: add each account the training uses, with its scopes.
            </Text>
          )}
          {accounts.map((_, i) => (
            <Group key={i} align="flex-end" wrap="nowrap" data-testid={`bp-service-account-${i}`}>
              <TextInput label="Account name" style={{ flex: 1 }} {...field(`service_accounts.${i}.name`)} />
              <TagsInput
                label="Scopes"
                description="Press Enter after each"
                style={{ flex: 2 }}
                {...field(`service_accounts.${i}.scopes`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove service account ${i + 1}`}
                onClick={() => form.removeListItem("service_accounts", i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          {form.errors.service_accounts && (
            <Text size="sm" c="red" data-testid="bp-error-service_accounts">
              {form.errors.service_accounts}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem("service_accounts", { name: "", scopes: [] })}
              data-testid="bp-add-service-account"
            >
              Add service account
            </Button>
          </Group>
        </Stack>
        <SimpleGrid cols={2}>
          <TextInput label="Least-privilege review by" {...field("least_privilege_reviewed_by")} />
          <TextInput label="Least-privilege review on" type="date" {...field("least_privilege_reviewed_on")} />
        </SimpleGrid>
        <Textarea label="Least-privilege findings" autosize minRows={2} {...field("least_privilege_findings")} />
        <PartFormFooter saver={saver} onClose={onClose} />
      </Stack>
    </form>
  );
}
