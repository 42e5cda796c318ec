/** Stands in for plotly, which danfojs imports: Cleanroom draws its charts itself, so danfojs's plotting is off. */
const unavailable = (): never => {
  throw new Error('plotting is not available in Cleanroom');
};
export default { newPlot: unavailable, react: unavailable };
