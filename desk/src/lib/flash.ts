// A one-time message carried across a navigation (e.g. "已提交" shown on the item page after submitting).
let pending: string | null = null;

export const setFlash = (message: string) => {
  pending = message;
};

export const takeFlash = () => {
  const message = pending;
  pending = null;
  return message;
};
