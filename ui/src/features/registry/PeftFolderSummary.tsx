// What a PEFT folder holds, as read before import: the LoRA settings and what the weights file says;
// and the small renderings of those values the registry shares (parameters, target modules, base
// model).
import { Badge, Group, Text, Tooltip } from "@mantine/core";
import type { PeftFolder } from "../../bindings/PeftFolder";
import { FieldGrid } from "../../components/FieldGrid";
import { HashText } from "../../components/HashText";
import { formatBytes, formatCount } from "../../lib/governance";
import { WEIGHTS_FORMAT_LABEL } from "../../lib/recordKinds";

export const UNKNOWN_PARAMETERS_HINT = "adapter_model.bin only: parameters unknown";

/** Trainable parameters, or "unknown" with the reason when only the pickle file was found. */
export function Parameters({ count }: { count: number | null }) {
  if (count !== null) return <Text size="sm">{formatCount(count)}</Text>;
  return (
    <Tooltip label={UNKNOWN_PARAMETERS_HINT}>
      <Text size="sm" c="dimmed" fs="italic">
        unknown
      </Text>
    </Tooltip>
  );
}

export const BASE_MODEL_MISSING_HINT =
  "adapter_config.json names no base model (PEFT writes null for unnamed models); lineage flags it until one is recorded";

/**
 * The model an adapter was trained on, or a red "not given": without it nobody can say what the
 * adapter adapts, so lineage counts it as a gap.
 */
export function BaseModel({
  name,
  revision = null,
  testId,
}: {
  name: string | null;
  revision?: string | null;
  testId?: string;
}) {
  if (name === null) {
    return (
      <Tooltip label={BASE_MODEL_MISSING_HINT} multiline maw={320}>
        <Badge miw="max-content" color="red" variant="light" tt="none" data-testid={testId}>
          Not given (lineage gap)
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Text size="sm" style={{ overflowWrap: "anywhere" }} data-testid={testId}>
      {name}
      {revision && (
        <Text span size="xs" c="dimmed">
          {" "}
          @ {revision}
        </Text>
      )}
    </Text>
  );
}

export function TargetModules({ modules }: { modules: string[] }) {
  return (
    <Group gap={4}>
      {modules.map((m) => (
        <Badge miw="max-content" key={m} variant="outline" color="gray" size="sm" tt="none">
          {m}
        </Badge>
      ))}
    </Group>
  );
}

export function PeftFolderSummary({ folder }: { folder: PeftFolder }) {
  const { config, weights } = folder;
  return (
    <FieldGrid
      testId="adapter-import-preview-result"
      items={[
        ["PEFT type", config.peft_type],
        ["Base model", <BaseModel name={config.base_model} revision={config.revision} />],
        ["LoRA rank (r) / alpha", `${config.r} / ${config.lora_alpha}`],
        ["Target modules", <TargetModules modules={config.target_modules} />],
        ["Weights file", `${weights.file.file_name} (${WEIGHTS_FORMAT_LABEL[weights.format]})`],
        ["Tensors", weights.tensor_count === null ? "unknown" : formatCount(weights.tensor_count)],
        [
          "Parameters",
          weights.parameters === null ? (
            <Text size="sm" c="orange.8">
              unknown (adapter_model.bin)
            </Text>
          ) : (
            formatCount(weights.parameters)
          ),
        ],
        ["Dtypes", weights.dtypes.length > 0 ? weights.dtypes.join(", ") : "unknown"],
        ["Size", `${formatBytes(weights.file.bytes)} (${formatCount(weights.file.bytes)} bytes)`],
        ["SHA-256", <HashText sha256={weights.file.sha256} />],
      ]}
    />
  );
}
