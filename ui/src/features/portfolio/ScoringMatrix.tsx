// The scoring matrix as the backend draws it (plotters SVG): the same picture PDF packs embed.
// It does not depend on the weights, so moving a slider neither re-renders nor re-requests it: the
// component is memoised and the SVG is cached under one query key until a change invalidates it.
import { Alert, Box, Center, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { memo, useMemo } from "react";
import { api } from "../../backend";
import { keys } from "../../lib/queryKeys";

export const ScoringMatrix = memo(function ScoringMatrix() {
  const svg = useQuery({ queryKey: keys.matrix, queryFn: api.scoringMatrixSvg });
  // The SVG comes from our own renderer, never from user-supplied markup.
  const html = useMemo(
    () =>
      svg.data === undefined
        ? null
        : { __html: svg.data.replace("<svg ", '<svg viewBox="0 0 720 480" width="100%" height="100%" ') },
    [svg.data],
  );
  if (svg.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label="Drawing the scoring matrix" />
      </Center>
    );
  }
  if (svg.isError) return <Alert color="red">{svg.error.message}</Alert>;
  return (
    <Box
      data-testid="scoring-matrix"
      maw={720}
      mx="auto"
      style={{ width: "100%", aspectRatio: "720 / 480" }}
      dangerouslySetInnerHTML={html ?? undefined}
    />
  );
});
