export default function NewPlacePage() {
  return <h1>NewPlacePage</h1>;
}
