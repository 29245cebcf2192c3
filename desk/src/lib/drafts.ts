// Drafts kept in this browser (localStorage) so a failed request, an expired sign-in or a closed tab loses nothing.

export interface Draft<T> {
  savedAt: string;
  value: T;
}

const key = (userId: string, slot: string) => `desk.draft.v1.${userId}.${slot}`;

export function loadDraft<T>(userId: string, slot: string): Draft<T> | null {
  try {
    const raw = localStorage.getItem(key(userId, slot));
    return raw ? (JSON.parse(raw) as Draft<T>) : null;
  } catch {
    return null;
  }
}

export function saveDraft<T>(userId: string, slot: string, value: T): boolean {
  try {
    localStorage.setItem(key(userId, slot), JSON.stringify({ savedAt: new Date().toISOString(), value }));
    return true;
  } catch {
    // Storage full or disabled: the form still holds the text; the page says drafts are not being kept.
    return false;
  }
}

export function clearDraft(userId: string, slot: string): void {
  try {
    localStorage.removeItem(key(userId, slot));
  } catch { /* nothing to clear */ }
}
