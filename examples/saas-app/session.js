// Who is signed in: the demo's sign-in is a choice of a roster user, remembered in this browser.
// A real product has its own authentication; what matters here is that the backend mints the
// read token for that user and no other.

const KEY = 'juniper:user';

/**
 * The signed-in user, or `null`.
 *
 * @returns {{ id: string, name: string, email: string | null, role: 'admin' | 'member' } | null}
 */
export function currentUser() {
  try {
    const user = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return user && typeof user.id === 'string' ? user : null;
  } catch {
    return null;
  }
}

/** Remembers `user` as signed in. */
export function signIn(user) {
  localStorage.setItem(KEY, JSON.stringify(user));
}

/** Forgets the signed-in user. */
export function signOut() {
  localStorage.removeItem(KEY);
}
