// The File menu of the header: New use case… (with its shortcut), New portfolio…, Open…, Save a
// copy…, Restore…, programme settings, the people working on the portfolio, the withdrawn use
// cases (to restore one), the keyboard shortcuts, and the recent files.
import { Button, Menu, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAdjustments,
  IconArchive,
  IconChevronDown,
  IconCopy,
  IconFile,
  IconFileOff,
  IconFilePlus,
  IconFolderOpen,
  IconKeyboard,
  IconPlus,
  IconRestore,
  IconUsers,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { keys } from "../../lib/queryKeys";
import { actionKeys } from "../../shell/shortcuts";
import { ShortcutKeys } from "../../shell/ShortcutsModal";
import { WithdrawnModal } from "../dossier/WithdrawnModal";
import { PeopleModal } from "../people/PeopleModal";
import { NewPortfolioModal } from "./NewPortfolioModal";
import { ProgrammeSettingsModal } from "./ProgrammeSettingsModal";
import { RestoreBackupModal } from "./RestoreBackupModal";
import { usePortfolioActions } from "./usePortfolioActions";

export function PortfolioMenu({
  onDisk,
  readOnly,
  onNewUseCase,
  onShowShortcuts,
}: {
  onDisk: boolean;
  readOnly: string | null;
  /** Opens the Portfolio page's new-use-case form (the shell's shortcut does the same). */
  onNewUseCase?: () => void;
  onShowShortcuts?: () => void;
}) {
  const { open, saveCopy } = usePortfolioActions();
  const recent = useQuery({ queryKey: keys.recentFiles, queryFn: api.recentList });
  const [restoreOpened, restoreModal] = useDisclosure(false);
  const [newOpened, newModal] = useDisclosure(false);
  const [settingsOpened, settingsModal] = useDisclosure(false);
  const [peopleOpened, peopleModal] = useDisclosure(false);
  const [withdrawnOpened, withdrawnModal] = useDisclosure(false);

  return (
    <>
      <Menu shadow="md" width={320} position="bottom-end">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} />} data-testid="portfolio-menu">
            Portfolio
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {onNewUseCase && (
            <>
              <Menu.Item
                leftSection={<IconPlus size={16} />}
                rightSection={<ShortcutKeys keys={actionKeys("newUseCase")} />}
                onClick={onNewUseCase}
                data-testid="menu-new-use-case"
              >
                New use case…
              </Menu.Item>
              <Menu.Divider />
            </>
          )}
          <Menu.Item leftSection={<IconFilePlus size={16} />} onClick={newModal.open}>
            New portfolio…
          </Menu.Item>
          <Menu.Item leftSection={<IconFolderOpen size={16} />} onClick={() => open.mutate(undefined)}>
            Open…
          </Menu.Item>
          <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => saveCopy.mutate()} disabled={!onDisk}>
            Save a copy…
          </Menu.Item>
          <Menu.Item
            leftSection={<IconRestore size={16} />}
            onClick={restoreModal.open}
            disabled={!onDisk}
            data-testid="menu-restore"
          >
            Restore a backup…
          </Menu.Item>
          <Menu.Item
            leftSection={<IconAdjustments size={16} />}
            onClick={settingsModal.open}
            data-testid="menu-programme-settings"
          >
            Programme settings…
          </Menu.Item>
          <Menu.Item leftSection={<IconUsers size={16} />} onClick={peopleModal.open} data-testid="menu-people">
            Manage people…
          </Menu.Item>
          <Menu.Item leftSection={<IconArchive size={16} />} onClick={withdrawnModal.open} data-testid="menu-withdrawn">
            Withdrawn use cases…
          </Menu.Item>
          {onShowShortcuts && (
            <Menu.Item
              leftSection={<IconKeyboard size={16} />}
              rightSection={<ShortcutKeys keys={actionKeys("shortcuts")} />}
              onClick={onShowShortcuts}
              data-testid="menu-shortcuts"
            >
              Keyboard shortcuts
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Label>Recent files</Menu.Label>
          {(recent.data ?? []).length === 0 && (
            <Menu.Item disabled>
              <Text size="sm" c="dimmed">
                None yet
              </Text>
            </Menu.Item>
          )}
          {(recent.data ?? []).map((file) => (
            <Menu.Item
              key={file.path}
              leftSection={file.exists ? <IconFile size={16} /> : <IconFileOff size={16} />}
              disabled={!file.exists}
              onClick={() => open.mutate(file.path)}
              title={file.exists ? file.path : `${file.path} (moved or deleted)`}
            >
              <Text size="sm" truncate>
                {file.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {file.exists ? file.path : "moved or deleted"}
              </Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <ProgrammeSettingsModal opened={settingsOpened} onClose={settingsModal.close} />
      <PeopleModal opened={peopleOpened} onClose={peopleModal.close} />
      <WithdrawnModal opened={withdrawnOpened} onClose={withdrawnModal.close} />
      <NewPortfolioModal opened={newOpened} onClose={newModal.close} />
      <RestoreBackupModal opened={restoreOpened} onClose={restoreModal.close} readOnly={readOnly} />
    </>
  );
}
