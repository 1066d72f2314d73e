import { Avatar, Box } from '@mantine/core';
import type { UserSummary } from '../../../../src-shared/schemas/accounts';
import classes from '../chat.module.css';

export const fullName = (person: Pick<UserSummary, 'firstName' | 'lastName'>) =>
  `${person.firstName} ${person.lastName}`;

/** A person's avatar (initials when they have no picture) with a dot while they are online. */
export function PresenceAvatar({
  person,
  online,
  size = 36,
}: {
  person: UserSummary;
  online?: boolean;
  size?: number;
}) {
  return (
    <Box pos="relative" style={{ flex: 'none' }}>
      <Avatar
        src={person.avatarUrl}
        name={fullName(person)}
        color="initials"
        alt=""
        radius={size}
        size={size}
      />
      {online && <span className={classes.dot} aria-hidden data-testid="online-dot" />}
    </Box>
  );
}
