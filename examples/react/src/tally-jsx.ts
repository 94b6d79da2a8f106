// Types the Tally elements for JSX (React 19's `react/jsx-runtime`), from the widgets' own
// `HTMLElementTagNameMap` and `HTMLElementEventMap`: every `tally-*` tag takes its element's
// properties (React 19 sets them as properties, so objects and arrays pass as they are) and an
// `on<event name>` listener for each `tally-*` event, typed with the event's class.
import type { CSSProperties, DOMAttributes, Key, Ref } from 'react';
import type {} from '@tally/widgets';

/** The tags the widgets register. */
type TallyTag = Extract<keyof HTMLElementTagNameMap, `tally-${string}`>;

/** The widgets' event names. */
type TallyEventName = Extract<keyof HTMLElementEventMap, `tally-${string}`>;

/** `Name` when `Element` lets it be set (getters without setters are readonly). */
type Writable<Element, Name extends keyof Element> =
  (<T>() => T extends { [Key in Name]: Element[Key] } ? 1 : 2) extends <T>() => T extends {
    -readonly [Key in Name]: Element[Key];
  }
    ? 1
    : 2
    ? Name
    : never;

/** An element's own settable data properties (methods, getters and `HTMLElement`'s left out). */
type OwnProperties<Element extends HTMLElement> = {
  [
    Name in Exclude<keyof Element, keyof HTMLElement> as Element[Name] extends (
      ...args: never[]
    ) => unknown
      ? never
      : Writable<Element, Name>
  ]?: Element[Name];
};

/** `ontally-range-change={(event) => …}`: React 19 adds these as event listeners. */
type TallyEventListeners = {
  [Name in TallyEventName as `on${Name}`]?: (event: HTMLElementEventMap[Name]) => void;
};

/** What JSX accepts on a Tally element. */
export type TallyElementProps<Element extends HTMLElement> = OwnProperties<Element> &
  TallyEventListeners &
  Omit<DOMAttributes<Element>, 'dangerouslySetInnerHTML'> & {
    key?: Key;
    ref?: Ref<Element>;
    id?: string;
    class?: string;
    className?: string;
    slot?: string;
    part?: string;
    style?: CSSProperties;
  };

/** Every Tally tag with its props. */
export type TallyIntrinsicElements = {
  [Tag in TallyTag]: TallyElementProps<HTMLElementTagNameMap[Tag]>;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends TallyIntrinsicElements {}
  }
}
