import { createTheme, type MantineColorsTuple, Table } from "@mantine/core";

// Orbit blue: calm enough for an all-day tool, with shade 7 as primary for AA contrast on white.
const orbit: MantineColorsTuple = [
  "#eaf1ff",
  "#d4e1fb",
  "#a7c0f3",
  "#779deb",
  "#4f7fe5",
  "#366ce1",
  "#2762e0",
  "#1a52c7",
  "#1048b3",
  "#003d9f",
];

export const theme = createTheme({
  primaryColor: "orbit",
  primaryShade: 7,
  colors: { orbit },
  defaultRadius: "md",
  cursorType: "pointer",
  headings: { fontWeight: "650" },
  components: {
    Table: Table.extend({
      defaultProps: { verticalSpacing: 6, horizontalSpacing: "sm", highlightOnHover: true, fz: "sm" },
    }),
  },
});
