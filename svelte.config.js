/**
 * Svelte compiler options for vite-plugin-svelte, svelte-check and the linters. Empty on purpose:
 * the defaults suit (components use `<script lang="ts">`, which Svelte 5 strips itself); the file
 * exists so the plugin stops printing "no Svelte config found" at every start.
 */
export default {};
