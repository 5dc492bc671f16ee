/**
 * DOM stand-ins for @tarojs/components: enough of each component's contract (props in, `detail` events
 * out) to render pages in jsdom and drive them with @testing-library.
 */
import type { ReactNode } from 'react';

type Props = Record<string, any> & { children?: ReactNode };

// Mini-program-only props that the DOM must not see.
const DROP = new Set([
  'hoverClass',
  'hoverStartTime',
  'hoverStayTime',
  'placeholderClass',
  'scrollY',
  'scrollX',
  'openType',
  'formType',
  'range',
  'rangeKey',
  'mode',
  'onAgreePrivacyAuthorization',
  'confirmType',
  'enableBackToTop',
  'lazyLoad',
  'scrollIntoView',
  'showMenuByLongpress',
  'userSelect',
  'selectable',
  'onConfirm',
  'onScrollToLower',
  'onScrollToUpper',
  'nativeProps',
]);

function domProps(props: Props) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!DROP.has(k) && k !== 'children') out[k] = v;
  return out;
}

export const View = ({ children, ...props }: Props) => <div {...domProps(props)}>{children}</div>;
export const Text = ({ children, ...props }: Props) => <span {...domProps(props)}>{children}</span>;
export const ScrollView = View;
export const Swiper = View;
export const SwiperItem = View;
export const Form = View;
export const Label = ({ children, ...props }: Props) => <label {...domProps(props)}>{children}</label>;
export const Image = ({ src, mode: _mode, ...props }: Props) => <img src={src} alt='' {...domProps(props)} />;
export const Navigator = ({ children, url, ...props }: Props) => (
  <a href={url} {...domProps(props)}>
    {children}
  </a>
);

/** A weapp privacy button fires onAgreePrivacyAuthorization when tapped; the stand-in does the same. */
export const Button = ({ children, disabled, onClick, openType, onAgreePrivacyAuthorization, ...props }: Props) => (
  <button
    type='button'
    disabled={Boolean(disabled)}
    data-open-type={openType}
    onClick={(e) => {
      onClick?.(e);
      if (openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.({ detail: {} });
    }}
    {...domProps(props)}
  >
    {children}
  </button>
);

const detail = (e: { target: EventTarget | null }) => ({ detail: { value: (e.target as HTMLInputElement).value } });

export const Input = ({ value, onInput, onBlur, onFocus, maxlength, type, password, ...props }: Props) => (
  <input
    type={password ? 'password' : type === 'number' || type === 'digit' ? 'text' : 'text'}
    value={value ?? ''}
    maxLength={maxlength}
    onChange={(e) => onInput?.(detail(e))}
    onBlur={(e) => onBlur?.(detail(e))}
    onFocus={(e) => onFocus?.(detail(e))}
    {...domProps(props)}
  />
);

export const Textarea = ({ value, onInput, onBlur, maxlength, ...props }: Props) => (
  <textarea value={value ?? ''} maxLength={maxlength} onChange={(e) => onInput?.(detail(e))} onBlur={(e) => onBlur?.(detail(e))} {...domProps(props)} />
);

/**
 * Picker (mode selector): the children show the current choice as in the app, and a <select> labelled
 * by `aria-label` (default 选择) lets a test choose an option by its visible label.
 */
export const Picker = ({ children, range = [], rangeKey, value, onChange, disabled, ...props }: Props) => {
  const labels = (range as unknown[]).map((r) => (rangeKey && r && typeof r === 'object' ? String((r as Record<string, unknown>)[rangeKey]) : String(r)));
  return (
    <div className={props.className}>
      {children}
      <select aria-label={props['aria-label'] ?? '选择'} disabled={Boolean(disabled)} value={value ?? 0} onChange={(e) => onChange?.({ detail: { value: Number(e.target.value) } })}>
        {labels.map((label, i) => (
          <option key={`${label}-${i}`} value={i}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
};

export const Switch = ({ checked, onChange, ...props }: Props) => (
  <input type='checkbox' role='switch' checked={Boolean(checked)} onChange={(e) => onChange?.({ detail: { value: e.target.checked } })} {...domProps(props)} />
);
