// The assistant's chat, instrumented with the SDK: each message, each model call (model,
// tokens, latency, ok or error), thumbs up / down on answers, a document made from an answer
// (timed with `time`), and a thread summary that runs as a background job on the backend.
import { summariseInBackground } from './api.js';
import { answer, MODELS, tokensOf, writeDocument } from './assistant.js';
import { h, replace } from './dom.js';

const COMMON = { category: 'chat', agent: 'assistant', source: 'chat' };

/**
 * Renders the chat for the signed-in user.
 *
 * @param {HTMLElement} main where to render
 * @param {{ tracker: import('@tally/sdk').Tracker, user: { name: string } }} context
 */
export function renderChat(main, { tracker }) {
  let conversationId = newConversationId();
  let historyTokens = 0;
  let model = MODELS[0];

  const log = h('ol', { class: 'messages', 'aria-live': 'polite', 'aria-label': 'Conversation' });
  const input = h('textarea', {
    id: 'message',
    rows: 2,
    placeholder: 'Ask the assistant: prep a meeting, draft an email, summarise a thread…',
    required: true,
  });
  const status = h('p', { class: 'status', role: 'status' });
  const send = h('button', { type: 'submit', class: 'primary' }, 'Send');
  const picker = h(
    'select',
    {
      id: 'model',
      onchange: (event) => {
        model = MODELS.find((candidate) => candidate.model === event.target.value) ?? MODELS[0];
      },
    },
    MODELS.map((candidate) => h('option', { value: candidate.model }, candidate.label)),
  );

  const form = h(
    'form',
    {
      class: 'composer',
      onsubmit: async (event) => {
        event.preventDefault();
        const text = input.value.trim();
        if (text === '') return;
        input.value = '';
        send.disabled = true;
        try {
          await converse(text);
        } finally {
          send.disabled = false;
          input.focus();
        }
      },
    },
    h('label', { for: 'message', class: 'visually-hidden' }, 'Message'),
    input,
    send,
  );
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  async function converse(text) {
    log.append(h('li', { class: 'message mine' }, text));
    tracker.track('chat.message', {
      ...COMMON,
      conversationId,
      endpoint: '/api/chat/messages',
      properties: { characters: text.length },
    });
    const pending = h('li', { class: 'message theirs pending' }, 'Thinking…');
    log.append(pending);
    pending.scrollIntoView({ block: 'nearest' });
    const started = performance.now();
    const call = {
      ...COMMON,
      conversationId,
      endpoint: '/api/chat/completions',
      model: model.model,
      provider: model.provider,
    };
    try {
      const reply = await answer(text, model, historyTokens);
      const latencyMs = Math.round(performance.now() - started);
      const completionId = tracker.usage({
        name: 'chat.completion',
        ...call,
        tokens: reply.tokens,
        latencyMs,
        status: 'ok',
      });
      historyTokens += tokensOf(text) + reply.tokens.output;
      replace(pending, reply.text, answerTools(reply.text, completionId, reply.tokens, latencyMs));
      pending.classList.remove('pending');
    } catch (error) {
      tracker.usage({
        name: 'chat.completion',
        ...call,
        tokens: { input: tokensOf(text) + historyTokens },
        latencyMs: Math.round(performance.now() - started),
        status: 'error',
        errorType: error.name === 'TimeoutError' ? 'timeout' : 'provider_error',
      });
      replace(pending, `The assistant could not answer (${error.message}). Try again.`);
      pending.classList.replace('pending', 'failed');
    }
  }

  /** Thumbs, "make a document" and the call's numbers under an answer. */
  function answerTools(text, completionId, tokens, latencyMs) {
    const thanks = h('span', { class: 'note', role: 'status' });
    const rate = (value) => (event) => {
      tracker.feedback({
        ...COMMON,
        name: 'chat.feedback',
        value,
        targetId: completionId,
        conversationId,
      });
      for (const button of event.currentTarget.parentElement.querySelectorAll('.thumb')) {
        button.setAttribute('aria-pressed', String(button === event.currentTarget));
      }
      thanks.textContent = 'Thanks for the feedback.';
    };
    const documentButton = h('button', { type: 'button', class: 'link' }, 'Make a document');
    documentButton.addEventListener('click', async () => {
      documentButton.disabled = true;
      thanks.textContent = 'Writing the document…';
      try {
        const made = await tracker.time('doc.generate', () => writeDocument(text), {
          category: 'documents',
          agent: 'docs-agent',
          source: 'chat',
          endpoint: '/api/docs/generate',
          conversationId,
          model: 'claude-sonnet-4',
          provider: 'anthropic',
          tokens: { input: 300 + tokensOf(text), output: 220 },
        });
        thanks.textContent = `Document "${made.title}" saved.`;
      } catch (error) {
        thanks.textContent = `The document failed: ${error.message}`;
      } finally {
        documentButton.disabled = false;
      }
    });
    return h(
      'div',
      { class: 'answer-tools' },
      h(
        'button',
        { type: 'button', class: 'thumb', 'aria-pressed': 'false', onclick: rate(1) },
        'Helpful',
      ),
      h(
        'button',
        { type: 'button', class: 'thumb', 'aria-pressed': 'false', onclick: rate(-1) },
        'Not helpful',
      ),
      documentButton,
      h(
        'span',
        { class: 'meta' },
        `${model.label} · ${tokens.input + tokens.output} tokens · ${latencyMs} ms`,
      ),
      thanks,
    );
  }

  const summarise = h('button', { type: 'button' }, 'Summarise thread in the background');
  summarise.addEventListener('click', async () => {
    summarise.disabled = true;
    status.textContent = 'The assistant is summarising this thread in the background…';
    try {
      const { summary } = await summariseInBackground(conversationId);
      status.textContent = `${summary} (tracked as the assistant's work, not yours)`;
    } catch (error) {
      status.textContent = `The background job failed: ${error.message}`;
    } finally {
      summarise.disabled = false;
    }
  });

  const restart = h('button', { type: 'button' }, 'New conversation');
  restart.addEventListener('click', () => {
    conversationId = newConversationId();
    historyTokens = 0;
    log.replaceChildren();
    status.textContent = 'New conversation started.';
    input.focus();
  });

  replace(
    main,
    h(
      'section',
      { class: 'chat', 'aria-labelledby': 'chat-title' },
      h(
        'header',
        { class: 'chat-header' },
        h('h1', { id: 'chat-title' }, 'Assistant'),
        h('label', { for: 'model' }, 'Model ', picker),
        restart,
      ),
      log,
      form,
      h('div', { class: 'chat-footer' }, summarise, status),
    ),
  );
  input.focus();
}

function newConversationId() {
  return `conv-${crypto.randomUUID().slice(0, 8)}`;
}
