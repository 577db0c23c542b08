// Entry point: language first (so the first paint is in the chosen language), then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.js';
import './styles.css';
import './styles-work.css';
import './styles-persons.css';
import { App } from './app.js';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
