import { render } from 'preact';
function App() { return <p>NK Context</p>; }
render(<App />, document.getElementById('app')!);
