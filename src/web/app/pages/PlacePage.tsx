export default function PlacePage() {
  return <h1>PlacePage</h1>;
}
