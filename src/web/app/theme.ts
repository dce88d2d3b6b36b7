import {
  Checkbox,
  createTheme,
  Modal,
  NativeSelect,
  NumberInput,
  PasswordInput,
  Radio,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";

// No visual asterisk inside labels: the label text stays exactly what people (and tests) read; the inputs keep `required`.
const noAsterisk = { defaultProps: { withAsterisk: false } };

/**
 * The theme, given the words it must say: Mantine's modal close button has no accessible name of its own,
 * so every dialog gets "Fermer" (or "Close") here rather than in each modal.
 */
export const themeFor = (closeLabel: string) =>
  createTheme({
    primaryColor: "indigo",
    primaryShade: 8,
    autoContrast: true,
    luminanceThreshold: 0.18,
    defaultRadius: "md",
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    headings: { fontWeight: "650" },
    components: {
      TextInput: TextInput.extend(noAsterisk),
      PasswordInput: PasswordInput.extend(noAsterisk),
      NativeSelect: NativeSelect.extend(noAsterisk),
      NumberInput: NumberInput.extend(noAsterisk),
      Textarea: Textarea.extend(noAsterisk),
      TagsInput: TagsInput.extend(noAsterisk),
      RadioGroup: Radio.Group.extend(noAsterisk),
      CheckboxGroup: Checkbox.Group.extend(noAsterisk),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": closeLabel } } }),
    },
  });
