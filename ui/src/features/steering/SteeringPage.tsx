// Steering: the monthly meetings that decide what the data brings to them (./meetings), the
// backlog they authorise from (./BacklogTab), the playbook's implementation checklist as the data
// shows it (./ChecklistTab) and the improvement cadence (./CadenceTab), each a tab
// (./steeringLocation lists them). Opened from another page on a meeting or a tab.
import { Stack, Tabs, Text, Title } from "@mantine/core";
import { useState } from "react";
import { usePageParam } from "../../shell/navigation";
import { BacklogTab } from "./BacklogTab";
import { MeetingsTab } from "./meetings/MeetingsTab";
import { parseSteeringParam, STEERING_TAB_LABEL, STEERING_TABS, type SteeringTab } from "./steeringLocation";

export function SteeringPage() {
  const openedOn = parseSteeringParam(usePageParam("steering"));
  const [tab, setTab] = useState<SteeringTab>(openedOn.tab ?? "meetings");
  return (
    <Stack gap="md" data-testid="steering-page">
      <div>
        <Title order={2}>Steering</Title>
        <Text c="dimmed" size="sm">
          The steering committee's monthly meetings: an agenda built from the data, decisions by an executive with a
          rationale, actions and minutes anchored in the audit trail. Also the backlog they authorise from.
        </Text>
      </div>
      <Tabs value={tab} onChange={(v) => v && setTab(v as SteeringTab)} keepMounted={false}>
        <Tabs.List>
          {STEERING_TABS.map((t) => (
            <Tabs.Tab key={t} value={t} data-testid={`steering-tab-${t}`}>
              {STEERING_TAB_LABEL[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="meetings" pt="md">
          <MeetingsTab openedOn={openedOn.meetingId} />
        </Tabs.Panel>
        <Tabs.Panel value="backlog" pt="md">
          <BacklogTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
