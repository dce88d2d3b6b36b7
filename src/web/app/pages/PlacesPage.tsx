export default function PlacesPage() {
  return <h1>PlacesPage</h1>;
}
