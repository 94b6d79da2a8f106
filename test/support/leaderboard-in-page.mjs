// Reads the usage tab's leaderboard as rendered, through shadow roots. Runs in the page
// (`page.evaluate(leaderboardInPage)`), so it uses nothing from its module.
/* global document */

/**
 * The first `tally-leaderboard` in the page, however deep in shadow roots, as shown: its status
 * and each rendered row's user, total, category bar text and, when the row is expanded, its
 * events per name. `null` while there is none.
 */
export function leaderboardInPage() {
  const find = (node) => {
    const found = node.querySelector('tally-leaderboard');
    if (found) return found;
    for (const element of node.querySelectorAll('*')) {
      const inner = element.shadowRoot && find(element.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const board = find(document);
  if (!board?.shadowRoot) return null;
  const number = (text) => Number(text.replace(/[^\d]/g, ''));
  return {
    status: board.status,
    rows: [...board.shadowRoot.querySelectorAll('[role="row"][data-user]')].map((row) => {
      const slot = row.parentElement;
      const detail = slot.querySelector('.detail table tbody');
      return {
        userId: row.dataset.user,
        total: number(row.querySelector('.total').textContent),
        /** The bar's text alternative: "Chat 12, Documents 3". */
        categories: row.querySelector('.activity .visually-hidden').textContent.trim(),
        byName: detail
          ? Object.fromEntries(
              [...detail.querySelectorAll('tr')].map((line) => [
                line.querySelector('.feature').textContent.trim(),
                number(line.querySelector('td.num, td:last-child').textContent),
              ]),
            )
          : null,
      };
    }),
  };
}
