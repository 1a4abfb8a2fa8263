import { Table, Text } from "@mantine/core";
import type { Evaluation } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";

const SIZE = 160;
const PAD = 18;

/**
 * Predicted against observed per band of the holdout: points on the diagonal mean that "30%" really is
 * three in ten. The scale follows the largest probability, so rare offers are not squeezed in a corner.
 */
export function CalibrationChart({ bins }: { bins: Evaluation["calibration"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const top = Math.min(1, Math.max(0.05, ...bins.flatMap((b) => [b.predicted, b.observed])) * 1.1);
  const at = (v: number) => PAD + (v / top) * (SIZE - 2 * PAD);
  return (
    <div>
      <svg
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={t("propensity.calibration")}
        data-testid="calibration-chart"
      >
        <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} fill="none" stroke="#ced4da" />
        <line
          x1={at(0)}
          y1={SIZE - at(0)}
          x2={at(top)}
          y2={SIZE - at(top)}
          stroke="#adb5bd"
          strokeDasharray="4 3"
        />
        {bins.map((b) => (
          <circle
            key={`${b.from}-${b.to}`}
            cx={at(b.predicted)}
            cy={SIZE - at(b.observed)}
            r={3.5}
            fill="#1c7ed6"
          />
        ))}
        <text x={SIZE / 2} y={SIZE - 3} fontSize="10" textAnchor="middle" fill="#868e96">
          {t("propensity.predicted")}
        </text>
        <text
          x={8}
          y={SIZE / 2}
          fontSize="10"
          textAnchor="middle"
          fill="#868e96"
          transform={`rotate(-90 8 ${SIZE / 2})`}
        >
          {t("propensity.observed")}
        </text>
      </svg>
      <Table
        fz="xs"
        withRowBorders={false}
        verticalSpacing={0}
        horizontalSpacing={6}
        data-testid="calibration-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("propensity.predicted")}</Table.Th>
            <Table.Th>{t("propensity.observed")}</Table.Th>
            <Table.Th>{t("propensity.rows")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bins.map((b) => (
            <Table.Tr key={`${b.from}-${b.to}`}>
              <Table.Td>{format.percent(b.predicted)}</Table.Td>
              <Table.Td>{format.percent(b.observed)}</Table.Td>
              <Table.Td>
                <Text span fz="xs" c="dimmed">
                  {format.number(b.rows)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
