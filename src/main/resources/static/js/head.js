// Loaded first, before the page is drawn: styles that need script know it runs.
document.documentElement.classList.add('js');
