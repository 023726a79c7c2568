// The scoring matrix as the backend draws it (plotters SVG): the same picture PDF packs embed.
import { Alert, Center, Loader, Paper, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { keys } from "../../lib/queryKeys";

export function ScoringMatrix() {
  const svg = useQuery({ queryKey: keys.matrix, queryFn: api.scoringMatrixSvg });
  return (
    <Paper withBorder p="md" radius="md" h="100%">
      <Title order={4} mb="xs">
        Scoring matrix
      </Title>
      {svg.isPending && (
        <Center h={200}>
          <Loader aria-label="Drawing the scoring matrix" />
        </Center>
      )}
      {svg.isError && <Alert color="red">{svg.error.message}</Alert>}
      {svg.data && (
        <div
          data-testid="scoring-matrix"
          style={{ width: "100%", aspectRatio: "720 / 480" }}
          // The SVG comes from our own renderer, never from user-supplied markup.
          dangerouslySetInnerHTML={{
            __html: svg.data.replace("<svg ", '<svg viewBox="0 0 720 480" width="100%" height="100%" '),
          }}
        />
      )}
    </Paper>
  );
}
