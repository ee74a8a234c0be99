import { kindStyle } from '../canvas/style';
import './styling.css';
import { shapes, type LabelStyle } from './labelStyles';

interface Props {
  label: string;
  style: LabelStyle;
  /** The readable property keys of the label's nodes on the canvas, and those holding numbers. */
  keys: { all: string[]; numeric: string[] };
  onStyle: (style: LabelStyle) => void;
  onClose: () => void;
}

/** One label's style: a colour from a picker, a shape, the property shown as caption, the one sizing nodes. */
export function StyleEditor({ label, style, keys, onStyle, onClose }: Props) {
  const base = kindStyle(label);
  const set = (field: keyof LabelStyle, value: string | undefined) => {
    const next = { ...style, [field]: value || undefined };
    onStyle(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)));
  };
  return (
    <fieldset className="style-editor" aria-label={`Style of ${label}`}>
      <legend>{label}</legend>
      <div className="colour-row">
        <label>
          Colour
          <input
            aria-label="Colour"
            type="color"
            value={style.color ?? base.color}
            onChange={(event) => set('color', event.target.value)}
          />
        </label>
        {style.color && (
          <button className="link" onClick={() => set('color', undefined)}>
            Default colour
          </button>
        )}
      </div>
      <label>
        Shape
        <select aria-label="Shape" value={style.shape ?? ''} onChange={(event) => set('shape', event.target.value)}>
          <option value="">Default ({base.shape})</option>
          {shapes.map((shape) => (
            <option key={shape}>{shape}</option>
          ))}
        </select>
      </label>
      <label>
        Caption
        <select
          aria-label="Caption"
          value={style.caption ?? ''}
          onChange={(event) => set('caption', event.target.value)}
        >
          <option value="">Default</option>
          {keys.all.map((key) => (
            <option key={key}>{key}</option>
          ))}
        </select>
      </label>
      <label>
        Size by
        <select aria-label="Size by" value={style.size ?? ''} onChange={(event) => set('size', event.target.value)}>
          <option value="">Same size</option>
          {keys.numeric.map((key) => (
            <option key={key}>{key}</option>
          ))}
        </select>
      </label>
      <button onClick={() => onStyle({})}>Reset</button> <button onClick={onClose}>Done</button>
    </fieldset>
  );
}
