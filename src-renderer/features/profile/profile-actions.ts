import type { UpdateProfileRequest } from '../../../src-shared/schemas/accounts';
import { api } from '../../app/hub-client';
import { authStore } from '../auth';

/**
 * Changes to your own account. Each answers with the new account, which goes
 * straight into the auth store so the header, home and profile all follow.
 */
export async function updateProfile(change: UpdateProfileRequest): Promise<void> {
  authStore.set({ account: await api.call('updateMe', { body: change }) });
}

export async function uploadAvatar(picture: Blob): Promise<void> {
  authStore.set({ account: await api.call('uploadAvatar', { file: picture }) });
}

export async function removeAvatar(): Promise<void> {
  authStore.set({ account: await api.call('deleteAvatar') });
}

/** Other devices are signed out by the hub; this one stays signed in. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.call('changePassword', { body: { currentPassword, newPassword } });
}
