import {
  Checkbox,
  createTheme,
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

export const theme = createTheme({
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
  },
});
