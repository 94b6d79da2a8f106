// Juniper, a demo team assistant instrumented with Tally: sign in as someone on the roster,
// chat (every message, model call, thumbs and document is tracked), then open Settings > Usage.
// Routes live in the hash: #/chat, #/settings/<page>, #/sign-in.
import { loadDemo } from './api.js';
import { renderChat } from './chat-page.js';
import { h, replace } from './dom.js';
import { currentUser, signIn, signOut } from './session.js';
import { renderSignIn } from './sign-in-page.js';
import { trackerFor } from './tracking.js';
import { renderSettings } from './usage-pages.js';

const main = document.getElementById('main');
const account = document.getElementById('account');

let demo;
try {
  demo = await loadDemo();
} catch (error) {
  replace(main, h('p', { role: 'alert' }, `The demo backend is not reachable: ${error.message}`));
  throw error;
}
const tracker = trackerFor(demo);

/** The signed-in user as the roster has them now (their role may have changed). */
function user() {
  const remembered = currentUser();
  return remembered && demo.users.find((candidate) => candidate.id === remembered.id);
}

function go(path) {
  if (location.hash === `#${path}`) route();
  else location.hash = path;
}

async function route() {
  const signedIn = user();
  const [, section = 'chat', page] = location.hash.replace(/^#/, '').split('/');
  renderAccount(signedIn);
  for (const link of document.querySelectorAll('[data-section]')) {
    link.toggleAttribute('hidden', !signedIn);
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!signedIn) {
    renderSignIn(main, {
      demo,
      onSignIn: (chosen) => {
        signIn(chosen);
        tracker.identify(chosen.id, {
          name: chosen.name,
          ...(chosen.email ? { email: chosen.email } : {}),
        });
        go('/chat');
      },
    });
    return;
  }
  tracker.identify(signedIn.id);
  if (section === 'settings') {
    // What was just tracked goes out first, so the numbers include it.
    await Promise.race([tracker.flush(), new Promise((done) => setTimeout(done, 1500))]);
    renderSettings(main, { demo, user: signedIn, page });
  } else {
    renderChat(main, { tracker, user: signedIn });
  }
  main.focus({ preventScroll: true });
}

function renderAccount(signedIn) {
  if (!signedIn) {
    account.replaceChildren();
    return;
  }
  replace(
    account,
    h(
      'span',
      { class: 'who' },
      signedIn.name,
      ' ',
      h('span', { class: `badge ${signedIn.role}` }, signedIn.role),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => {
          signOut();
          go('/sign-in');
        },
      },
      'Sign out',
    ),
  );
}

window.addEventListener('hashchange', () => void route());
void route();
