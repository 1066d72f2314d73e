/** `/people?q=…`: the words a search starts with (the dashboard's search bar links here). */
export const SEARCH_PARAM = 'q';
