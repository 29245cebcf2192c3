import { render } from 'preact';

render(<p>审核台</p>, document.getElementById('app')!);
