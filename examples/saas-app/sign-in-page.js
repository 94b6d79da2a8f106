// The demo's sign-in: pick a person from the tenant's roster. The admin sees the whole team's
// usage; everyone else is a member and sees their own.
import { h, replace } from './dom.js';

/**
 * Renders the sign-in screen.
 *
 * @param {HTMLElement} main
 * @param {{ demo: { users: { id: string, name: string, email: string | null, role: string }[] },
 *   onSignIn: (user: object) => void }} context
 */
export function renderSignIn(main, { demo, onSignIn }) {
  const people = demo.users.map((user) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'person', onclick: () => onSignIn(user) },
        h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(user.name)),
        h(
          'span',
          { class: 'who' },
          h('strong', {}, user.name),
          h('small', {}, user.email ?? user.id),
        ),
        h('span', { class: `badge ${user.role}` }, user.role === 'admin' ? 'Admin' : 'Member'),
      ),
    ),
  );
  replace(
    main,
    h(
      'section',
      { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
      h('h1', { id: 'sign-in-title' }, 'Sign in to Juniper'),
      h(
        'p',
        { class: 'note' },
        "Pick a person of the demo team. The admin sees everyone's usage; a member sees only their own.",
      ),
      people.length > 0
        ? h('ul', { class: 'people' }, people)
        : h('p', {}, 'The roster is empty: seed the demo with `tally-server seed --demo`.'),
    ),
  );
}

function initials(name) {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0] ?? '')
    .join('')
    .toUpperCase();
}
