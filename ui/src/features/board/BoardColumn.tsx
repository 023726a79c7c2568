// One column of the stage board and its cards. With a thousand cases a column holds hundreds of
// cards, so cards are plain elements (no Mantine component per card; a tooltip only once the
// pointer reaches the reason) and a column shows the first CARDS_SHOWN, then more on request.
// Each card: id, title (opens the Pilots page on it), lane, pilot state, launch readiness, open
// drift alerts, the gate it waits on with the backend's reason, and the moves.
import { memo, useState } from "react";
import type { BoardCard as Card } from "../../bindings/BoardCard";
import type { Stage } from "../../bindings/Stage";
import { LazyTooltip } from "../../components/LazyTooltip";
import { LANE_LABEL, STAGE_LABEL } from "../../lib/recordKinds";
import { LANE_COLOR, TONE } from "../../lib/statusColors";
import classes from "./board.module.css";
import { plural } from "./boardData";

/** Cards a column shows at first, and how many more each "Show more" adds. */
export const CARDS_SHOWN = 20;

export interface CardActions {
  /** Opens the Pilots page on the case. */
  onOpen: (id: string) => void;
  onMove: (id: string, to: Stage) => void;
  /** Opens the choice of any other stage. */
  onMoveElsewhere: (card: Card) => void;
  onDismiss: (id: string) => void;
}

function tinted(color: string) {
  return { background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` };
}

const BoardCardView = memo(function BoardCardView({
  card,
  moving,
  refusal,
  actions,
}: {
  card: Card;
  moving: boolean;
  refusal: string | null;
  actions: CardActions;
}) {
  const readiness =
    card.readiness_met !== null && card.readiness_total !== null
      ? `Readiness ${card.readiness_met} of ${card.readiness_total}`
      : null;
  return (
    <article
      className={card.waits_on ? `${classes.card} ${classes.cardWaiting}` : classes.card}
      data-testid={`board-card-${card.id}`}
      aria-label={`${card.id} ${card.title}`}
    >
      <div className={classes.cardHead}>
        <span className={classes.id}>{card.id}</span>
        <span className={classes.badge} style={tinted(LANE_COLOR[card.lane])}>
          {LANE_LABEL[card.lane]}
        </span>
        {card.open_alerts > 0 && (
          <span
            className={classes.badge}
            style={tinted(TONE.bad)}
            data-testid={`board-alerts-${card.id}`}
            aria-label={`${plural(card.open_alerts, "open drift alert")}`}
          >
            {plural(card.open_alerts, "alert")}
          </span>
        )}
      </div>
      <button
        type="button"
        className={classes.title}
        onClick={() => actions.onOpen(card.id)}
        data-testid={`board-open-${card.id}`}
      >
        {card.title}
      </button>
      {card.pilot_state && <div className={classes.meta}>{card.pilot_state}</div>}
      {readiness && (
        <div className={classes.meta} data-testid={`board-readiness-${card.id}`}>
          {readiness}
        </div>
      )}
      {card.waits_on && (
        <div className={classes.waits} data-testid={`board-waits-${card.id}`}>
          <strong>Waits on: {card.waits_on}</strong>
          {card.reason && (
            <LazyTooltip label={card.reason} multiline w={360} withArrow openDelay={200}>
              <span className={classes.reason} tabIndex={0}>
                {card.reason}
              </span>
            </LazyTooltip>
          )}
        </div>
      )}
      {refusal && (
        <div className={classes.refusal} role="alert" data-testid={`board-refusal-${card.id}`}>
          <span>{refusal}</span>
          <button
            type="button"
            className={classes.dismiss}
            onClick={() => actions.onDismiss(card.id)}
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      )}
      <div className={classes.actions}>
        {card.next_stage && (
          <button
            type="button"
            className={classes.action}
            aria-busy={moving}
            disabled={moving}
            onClick={() => card.next_stage && actions.onMove(card.id, card.next_stage)}
            data-testid={`board-move-${card.id}`}
          >
            {moving ? "Moving…" : `Move to ${STAGE_LABEL[card.next_stage]}`}
          </button>
        )}
        <button
          type="button"
          className={`${classes.action} ${classes.secondary}`}
          onClick={() => actions.onMoveElsewhere(card)}
          aria-label={`Move ${card.id} to another stage`}
          data-testid={`board-move-other-${card.id}`}
        >
          {card.next_stage ? "Other stage…" : "Move to…"}
        </button>
      </div>
    </article>
  );
});

export const BoardColumnView = memo(function BoardColumnView({
  stage,
  cards,
  total,
  moving,
  refusals,
  actions,
}: {
  stage: Stage;
  /** The cards the filter lets through. */
  cards: Card[];
  /** Every card of the stage, filtered or not. */
  total: number;
  moving: string | null;
  refusals: Record<string, string>;
  actions: CardActions;
}) {
  const [limit, setLimit] = useState(CARDS_SHOWN);
  const shown = cards.slice(0, limit);
  const hidden = cards.length - shown.length;
  const headingId = `board-heading-${stage}`;
  return (
    <section className={classes.column} data-testid={`board-column-${stage}`} aria-labelledby={headingId}>
      <header className={classes.columnHead}>
        <h3 className={classes.columnTitle} id={headingId}>
          {STAGE_LABEL[stage]}
        </h3>
        <span className={classes.count} data-testid={`board-count-${stage}`}>
          {cards.length === total ? total : `${cards.length} of ${total}`}
        </span>
      </header>
      <div className={classes.cards}>
        {cards.length === 0 && (
          <div className={classes.empty}>{total === 0 ? "No use case here" : "None matches the filter"}</div>
        )}
        {shown.map((card) => (
          <BoardCardView
            key={card.id}
            card={card}
            moving={moving === card.id}
            refusal={refusals[card.id] ?? null}
            actions={actions}
          />
        ))}
        {hidden > 0 && (
          <button
            type="button"
            className={classes.showMore}
            onClick={() => setLimit((l) => l + CARDS_SHOWN)}
            data-testid={`board-more-${stage}`}
          >
            Show {Math.min(hidden, CARDS_SHOWN)} more ({hidden} not shown)
          </button>
        )}
      </div>
    </section>
  );
});
