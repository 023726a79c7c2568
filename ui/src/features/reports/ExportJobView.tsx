// An export job as the Reports page shows it: a progress bar with Cancel while it runs, then what
// was written (pages, file hash, fingerprint), that it was cancelled (no file), or why it failed;
// and the hook that asks where to save, starts the job and follows it.
import { Alert, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ExportJob } from "../../bindings/ExportJob";
import { api, chooseDestination } from "../../backend";
import { FormRefusal } from "../../components/FormRefusal";
import { HashText } from "../../components/HashText";
import { useInvalidate } from "../../lib/queryKeys";
import { PDF_FILES, percentDone, useExportJob } from "./reportsData";

export function JobProgress({
  job,
  onCancel,
  cancelling,
}: {
  job: ExportJob;
  onCancel: () => void;
  cancelling: boolean;
}) {
  return (
    <Stack gap={6} data-testid="export-progress">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" truncate>
          {job.progress.done} of {job.progress.total} · {job.progress.step}
        </Text>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconX size={14} />}
          onClick={onCancel}
          loading={cancelling}
          data-testid="export-cancel"
        >
          Cancel
        </Button>
      </Group>
      <Progress value={percentDone(job)} animated aria-label="Export progress" />
    </Stack>
  );
}

export function JobOutcome({ job, what }: { job: ExportJob; what: string }) {
  if (job.state === "done" && job.outcome) {
    const o = job.outcome;
    return (
      <Alert color="teal" title={`The ${what} was exported`} data-testid="export-done">
        <Stack gap={4}>
          <Text size="sm" style={{ wordBreak: "break-all" }}>
            {o.path}
          </Text>
          <Text size="sm">
            {o.pages} {o.kind === "deck" ? "slides" : "pages"} · {o.records} records fingerprinted · recorded as{" "}
            {o.export_id}
          </Text>
          <Group gap="xs">
            <Text size="sm">File SHA-256</Text>
            <HashText sha256={o.sha256} />
            <Text size="sm">Fingerprint</Text>
            <HashText sha256={o.fingerprint} />
          </Group>
        </Stack>
      </Alert>
    );
  }
  if (job.state === "cancelled")
    return (
      <Alert color="gray" title="Export cancelled" data-testid="export-cancelled">
        No file was written.
      </Alert>
    );
  if (job.state === "failed")
    return <FormRefusal title={`The ${what} was not exported`} refusal={job.error?.message ?? "The export failed."} />;
  return null;
}

/** Asks where to save, starts the job `start` makes, and follows it until it ends. */
export function useExportRun(
  title: string,
  suggestedName: () => string,
  start: (destination: string) => Promise<ExportJob>,
) {
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useExportJob(jobId);
  const invalidate = useInvalidate();
  const begin = useMutation({
    mutationFn: async (): Promise<ExportJob | null> => {
      const destination = await chooseDestination(title, suggestedName(), PDF_FILES);
      return destination === null ? null : start(destination);
    },
    onSuccess: (started) => {
      if (started) setJobId(started.id);
    },
  });
  const cancel = useMutation({ mutationFn: (id: number) => api.reportCancel({ id }) });
  const state = job.data?.state;
  const running = jobId !== null && (state === undefined || state === "running");
  useEffect(() => {
    if (state === "done") void invalidate("documents");
  }, [state, invalidate]);
  return {
    begin,
    running,
    job: job.data,
    cancel: () => jobId !== null && cancel.mutate(jobId),
    cancelling: cancel.isPending,
  };
}

/** The running job's progress, or the last job's outcome and any refusal to start. */
export function ExportRunView({ run, what }: { run: ReturnType<typeof useExportRun>; what: string }) {
  return (
    <>
      {run.running && run.job && <JobProgress job={run.job} onCancel={run.cancel} cancelling={run.cancelling} />}
      <FormRefusal title={`The ${what} was not exported`} refusal={run.begin.error?.message ?? null} />
      {run.job && !run.running && <JobOutcome job={run.job} what={what} />}
    </>
  );
}
