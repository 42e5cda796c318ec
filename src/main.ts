import { mount } from 'svelte';
import App from './ui/shell/App.svelte';
import './ui/app.css';

mount(App, { target: document.getElementById('app')! });

// Offline support: the service worker precaches the built app (production builds only).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { type: 'classic' }).catch((error: unknown) => {
    console.warn('Offline support is unavailable:', error);
  });
}
