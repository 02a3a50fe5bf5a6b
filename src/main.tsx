import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startUrlSync } from './state/urlSync';
import { App } from './ui/App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
startUrlSync();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
