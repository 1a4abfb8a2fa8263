/** The client card's code, loaded on first visit; the search loads it ahead when it shows results. */
export const loadClientPage = () => import("./ClientPage");
