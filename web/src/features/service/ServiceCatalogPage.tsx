import {
  Alert,
  Button,
  FileButton,
  Group,
  MultiSelect,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { type ShiftPattern, SKILLS } from "@orbit/contracts";
import { IconFileUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client";
import { useFormat } from "../../i18n/format";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { PageHeader } from "../../ui/PageHeader";
import {
  useImportPriceList,
  useParts,
  usePosts,
  useSavePost,
  useSaveTechnician,
  useSchedules,
  useTechnicians,
  useWorks,
  useWorkshop,
} from "./api";
import { useServiceDealership } from "./useServiceDealership";
import { WorkshopForm } from "./WorkshopForm";

/** Service master data: the works catalog, parts and price lists, maintenance schedules, workshops. */
export function ServiceCatalogPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={1200}>
      <PageHeader title={t("service.catalog.title")} subtitle={t("service.catalog.subtitle")} />
      <Tabs defaultValue="parts" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="parts">{t("service.catalog.parts")}</Tabs.Tab>
          <Tabs.Tab value="works">{t("service.catalog.works")}</Tabs.Tab>
          <Tabs.Tab value="schedules">{t("service.catalog.schedules")}</Tabs.Tab>
          <Tabs.Tab value="workshop">{t("service.catalog.workshop")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="parts" pt="md">
          <PartsTab />
        </Tabs.Panel>
        <Tabs.Panel value="works" pt="md">
          <WorksTab />
        </Tabs.Panel>
        <Tabs.Panel value="schedules" pt="md">
          <SchedulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="workshop" pt="md">
          <WorkshopTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function PartsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const parts = useParts(q, (page - 1) * 50);
  const upload = useImportPriceList();
  const [source, setSource] = useState("");
  const importFile = (file: File | null) => {
    if (!file) return;
    // The server reads UTF-8 and Windows-1251 alike: the file goes as it is.
    upload.mutate(
      { file, source: source.trim() || file.name },
      {
        onSuccess: (r) =>
          notify.success(
            t("service.catalog.imported", {
              created: r.created,
              updated: r.updated,
              rejected: r.rejected.length,
            }),
          ),
        onError: (err) =>
          notify.error(
            err instanceof ApiRequestError && err.fields[0]
              ? t("service.catalog.importFailed", { reason: err.fields[0].message })
              : errorText(err),
          ),
      },
    );
  };
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <TextInput
            label={t("service.catalog.source")}
            placeholder="1С:УАТ, прайс Haval"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
          />
          <FileButton onChange={importFile} accept=".csv,text/csv">
            {(props) => (
              <Button {...props} leftSection={<IconFileUpload size={16} />} loading={upload.isPending}>
                {t("service.catalog.importPriceList")}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t("service.catalog.importHint")}
        </Text>
        {upload.data && (
          <Alert
            mt="sm"
            color={upload.data.rejected.length ? "yellow" : "teal"}
            title={t("service.catalog.importResult")}
          >
            {t("service.catalog.importSummary", {
              rows: upload.data.rows,
              created: upload.data.created,
              updated: upload.data.updated,
              unchanged: upload.data.unchanged,
            })}
            {upload.data.rejected.slice(0, 10).map((r) => (
              <Text size="sm" key={r.line}>
                {t("service.catalog.rejectedRow", { line: r.line, reason: r.reason })}
              </Text>
            ))}
          </Alert>
        )}
      </Paper>
      <TextInput
        label={t("service.catalog.searchParts")}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
      />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("service.catalog.article")}</Table.Th>
            <Table.Th>{t("service.catalog.name")}</Table.Th>
            <Table.Th>{t("service.catalog.brand")}</Table.Th>
            <Table.Th>{t("service.catalog.unit")}</Table.Th>
            <Table.Th>{t("service.catalog.price")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(parts.data?.parts ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.article}</Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.brand}</Table.Td>
              <Table.Td>{p.unit}</Table.Td>
              <Table.Td>{format.money(p.priceRub)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {parts.data && parts.data.total > 50 && (
        <Pagination total={Math.ceil(parts.data.total / 50)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}

function WorksTab() {
  const { t } = useTranslation();
  const works = useWorks();
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("service.catalog.code")}</Table.Th>
          <Table.Th>{t("service.catalog.name")}</Table.Th>
          <Table.Th>{t("service.catalog.skill")}</Table.Th>
          <Table.Th>{t("service.catalog.hours")}</Table.Th>
          <Table.Th>{t("service.catalog.byModel")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(works.data ?? []).map((w) => (
          <Table.Tr key={w.id}>
            <Table.Td>{w.code}</Table.Td>
            <Table.Td>{w.name}</Table.Td>
            <Table.Td>{t(`service.skills.${w.skill}`)}</Table.Td>
            <Table.Td>{w.hours}</Table.Td>
            <Table.Td>
              {w.byModel.length
                ? t("service.catalog.byModelRange", {
                    count: w.byModel.length,
                    min: Math.min(...w.byModel.map((m) => m.hours)),
                    max: Math.max(...w.byModel.map((m) => m.hours)),
                  })
                : "—"}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SchedulesTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const schedules = useSchedules();
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("service.catalog.model")}</Table.Th>
          <Table.Th>{t("service.catalog.interval")}</Table.Th>
          <Table.Th>{t("service.catalog.works")}</Table.Th>
          <Table.Th>{t("service.catalog.parts")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(schedules.data ?? []).map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              {s.make} {s.model}
            </Table.Td>
            <Table.Td>
              {t("service.catalog.intervalValue", {
                km: format.number(s.intervalKm),
                months: s.intervalMonths,
              })}
            </Table.Td>
            <Table.Td>{s.works.join(", ")}</Table.Td>
            <Table.Td>{s.parts.map((p) => `${p.article} × ${p.quantity}`).join(", ")}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function WorkshopTab() {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const dealership = useServiceDealership();
  const workshop = useWorkshop(dealership.id);
  const posts = usePosts(dealership.id);
  const techs = useTechnicians(dealership.id);
  const savePost = useSavePost();
  const saveTech = useSaveTechnician();
  const [postName, setPostName] = useState("");
  const [postSkills, setPostSkills] = useState<string[]>(["maintenance"]);
  const [techName, setTechName] = useState("");
  const [techSkills, setTechSkills] = useState<string[]>(["maintenance"]);
  const [schedule, setSchedule] = useState<string>("5/2");
  const skills = SKILLS.map((s) => ({ value: s, label: t(`service.skills.${s}`) }));
  const shift = (): ShiftPattern =>
    schedule === "2/2"
      ? {
          schedule: "2/2",
          weekdays: [],
          anchor: new Date().toISOString().slice(0, 10),
          start: "08:00",
          end: "20:00",
          breakStart: "13:00",
          breakEnd: "14:00",
        }
      : {
          schedule: "weekdays",
          weekdays: [1, 2, 3, 4, 5],
          start: "09:00",
          end: "18:00",
          breakStart: "13:00",
          breakEnd: "14:00",
        };
  return (
    <Stack gap="md">
      {dealership.choosable && (
        <Select
          label={t("service.board.centre")}
          data={dealership.options}
          value={dealership.id ? String(dealership.id) : null}
          onChange={dealership.choose}
          w={320}
        />
      )}
      {workshop.data && <WorkshopForm key={workshop.data.dealershipId} workshop={workshop.data} />}
      <Paper withBorder p="sm">
        <Text fw={500} mb="xs">
          {t("service.catalog.posts")}
        </Text>
        <Table>
          <Table.Tbody>
            {(posts.data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.skills.map((s) => t(`service.skills.${s}`)).join(", ")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group mt="sm" align="flex-end">
          <TextInput
            label={t("service.catalog.postName")}
            value={postName}
            onChange={(e) => setPostName(e.currentTarget.value)}
          />
          <MultiSelect
            label={t("service.catalog.skills")}
            data={skills}
            value={postSkills}
            onChange={setPostSkills}
            w={360}
          />
          <Button
            disabled={!dealership.id || !postName.trim() || postSkills.length === 0}
            loading={savePost.isPending}
            onClick={() =>
              savePost.mutate(
                { dealershipId: dealership.id!, name: postName.trim(), skills: postSkills },
                { onSuccess: () => setPostName(""), onError: (err) => notify.error(errorText(err)) },
              )
            }
          >
            {t("service.catalog.addPost")}
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        <Text fw={500} mb="xs">
          {t("service.catalog.technicians")}
        </Text>
        <Table>
          <Table.Tbody>
            {(techs.data ?? []).map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.fullName}</Table.Td>
                <Table.Td>{x.skills.map((s) => t(`service.skills.${s}`)).join(", ")}</Table.Td>
                <Table.Td>
                  {x.shift.schedule === "2/2" ? "2/2" : "5/2"} {x.shift.start}–{x.shift.end}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group mt="sm" align="flex-end">
          <TextInput
            label={t("service.catalog.technicianName")}
            value={techName}
            onChange={(e) => setTechName(e.currentTarget.value)}
          />
          <MultiSelect
            label={t("service.catalog.skills")}
            data={skills}
            value={techSkills}
            onChange={setTechSkills}
            w={300}
          />
          <Select
            label={t("service.catalog.shift")}
            data={["5/2", "2/2"]}
            value={schedule}
            onChange={(v) => setSchedule(v ?? "5/2")}
            w={100}
          />
          <Button
            disabled={!dealership.id || techName.trim().length < 3 || techSkills.length === 0}
            loading={saveTech.isPending}
            onClick={() =>
              saveTech.mutate(
                {
                  dealershipId: dealership.id!,
                  fullName: techName.trim(),
                  skills: techSkills,
                  shift: shift(),
                },
                { onSuccess: () => setTechName(""), onError: (err) => notify.error(errorText(err)) },
              )
            }
          >
            {t("service.catalog.addTechnician")}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
