export default function PersonPage() {
  return <h1>PersonPage</h1>;
}
