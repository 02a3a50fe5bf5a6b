import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadSource } from './state/datasetLoader';
import { App } from './ui/App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
loadSource({ kind: 'bundled' });
