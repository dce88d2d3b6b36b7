import { Button } from "@mantine/core";

interface DetailActionsProps {
  /** The record's abilities, as the API returns them: `update` shows the edit button, `delete` the delete one. */
  abilities: Record<string, boolean>;
  /** While the edit panel is open, the edit button is hidden. */
  editing: boolean;
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}

/** The edit / delete buttons at the top of a detail page, each shown only when the user may use it. */
export function DetailActions({ abilities, editing, editLabel, deleteLabel, onEdit, onDelete }: DetailActionsProps) {
  return (
    <>
      {abilities.update && !editing ? <Button onClick={onEdit}>{editLabel}</Button> : null}
      {abilities.delete ? (
        <Button variant="default" onClick={onDelete}>
          {deleteLabel}
        </Button>
      ) : null}
    </>
  );
}
