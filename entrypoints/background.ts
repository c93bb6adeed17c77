export default defineBackground(() => {
  console.log('NK Context background', browser.runtime.id);
});
