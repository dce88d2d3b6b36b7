import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { Loading } from "../../../components/ui/Loading.tsx";
import { PageLayout } from "../../../components/ui/PageLayout.tsx";
import { AgendaTabs } from "../../../features/agenda/components/AgendaTabs.tsx";
import {
  type FeedLinks,
  useFeeds,
  useRevokePrivateFeed,
  useRotatePrivateFeed,
} from "../../../features/agenda-tools/api/agenda-tools.ts";
import { absoluteUrl, CopyField } from "../../../features/agenda-tools/components/CopyField.tsx";
import { ConfirmToolDialog } from "../../../features/agenda-tools/components/ToolDialog.tsx";
import { webcal } from "../../../features/agenda-tools/lib/dates.ts";
import { useConsortium } from "../../../features/consortium/api/consortium.ts";

function SubscribeLink({ url, name }: { url: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={webcal(absoluteUrl(url))}
      variant="light"
      aria-label={t("agendaTools.feeds.subscribeTo", { name })}
    >
      {t("agendaTools.feeds.subscribe")}
    </Button>
  );
}

/** The iframe code a partner pastes in their site; built here when the API gives only the address. */
function embedSnippet(embed: string, title: string): string {
  if (embed.trim().startsWith("<")) return embed;
  const src = absoluteUrl(embed).replace(/"/g, "&quot;");
  const safeTitle = title.replace(/"/g, "&quot;");
  return `<iframe src="${src}" title="${safeTitle}" width="100%" height="700" style="border:0" loading="lazy"></iframe>`;
}

function PrivateFeed({ slug, feeds }: { slug: string; feeds: FeedLinks }) {
  const { t } = useTranslation();
  const rotate = useRotatePrivateFeed(slug);
  const revoke = useRevokePrivateFeed(slug);
  const [confirm, setConfirm] = useState<"rotate" | "revoke" | null>(null);
  // A key rather than a sentence, so that the notice follows a change of language.
  const [notice, setNotice] = useState<"createdNotice" | "rotatedNotice" | "revokedNotice" | null>(null);
  const close = () => {
    rotate.reset();
    revoke.reset();
    setConfirm(null);
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="private-feed">
      <Stack gap="md">
        <Title order={2} size="h3" id="private-feed">
          {t("agendaTools.feeds.privateTitle")}
        </Title>
        <Text>{t("agendaTools.feeds.privateIntro")}</Text>
        <div aria-live="polite">
          {notice ? (
            <Alert color="indigo" variant="outline" role="status">
              {t(`agendaTools.feeds.${notice}`)}
            </Alert>
          ) : null}
        </div>
        {feeds.privateFeed ? (
          <>
            <CopyField
              label={t("agendaTools.feeds.privateFeed")}
              description={t("agendaTools.feeds.privateSecret")}
              value={absoluteUrl(feeds.privateFeed)}
              extra={<SubscribeLink url={feeds.privateFeed} name={t("agendaTools.feeds.privateFeed")} />}
            />
            <Group gap="sm">
              <Button variant="default" onClick={() => setConfirm("rotate")}>
                {t("agendaTools.feeds.rotate")}
              </Button>
              <Button variant="default" color="red" onClick={() => setConfirm("revoke")}>
                {t("agendaTools.feeds.revoke")}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button
              loading={rotate.isPending}
              onClick={() => rotate.mutate(undefined, { onSuccess: () => setNotice("createdNotice") })}
            >
              {t("agendaTools.feeds.create")}
            </Button>
          </Group>
        )}
        {confirm === null ? <ErrorAlert error={rotate.error ?? revoke.error} /> : null}
      </Stack>
      <ConfirmToolDialog
        opened={confirm === "rotate"}
        title={t("agendaTools.feeds.rotateTitle")}
        message={t("agendaTools.feeds.rotateConfirm")}
        confirmLabel={t("agendaTools.feeds.rotate")}
        loading={rotate.isPending}
        error={rotate.error}
        onClose={close}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: () => {
              close();
              setNotice("rotatedNotice");
            },
          })
        }
      />
      <ConfirmToolDialog
        opened={confirm === "revoke"}
        title={t("agendaTools.feeds.revokeTitle")}
        message={t("agendaTools.feeds.revokeConfirm")}
        confirmLabel={t("agendaTools.feeds.revoke")}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={close}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              close();
              setNotice("revokedNotice");
            },
          })
        }
      />
    </Paper>
  );
}

export default function FeedsPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const feeds = useFeeds(slug);
  const consortium = useConsortium(slug);
  const name = consortium.data?.name ?? slug;
  return (
    <PageLayout
      title={t("agendaTools.feeds.title")}
      subtitle={<Text c="gray.7">{t("agendaTools.feeds.subtitle")}</Text>}
      before={<AgendaTabs slug={slug} />}
    >
      {feeds.isPending ? (
        <Loading />
      ) : feeds.isError ? (
        <ErrorAlert error={feeds.error} />
      ) : (
        <Stack gap="xl">
          <Alert color="blue" variant="outline" title={t("agendaTools.feeds.delayTitle")} role="note">
            {t("agendaTools.feeds.delay")}
          </Alert>
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="public-feeds">
            <Stack gap="md">
              <Title order={2} size="h3" id="public-feeds">
                {t("agendaTools.feeds.publicTitle")}
              </Title>
              <Text>{t("agendaTools.feeds.publicIntro")}</Text>
              <CopyField
                label={t("agendaTools.feeds.publicFeed", { name })}
                value={absoluteUrl(feeds.data.publicFeed)}
                extra={<SubscribeLink url={feeds.data.publicFeed} name={t("agendaTools.feeds.publicFeed", { name })} />}
              />
              <CopyField
                label={t("agendaTools.feeds.rss")}
                value={absoluteUrl(feeds.data.rss)}
                extra={
                  <Button component="a" href={absoluteUrl(feeds.data.rss)} variant="subtle">
                    {t("agendaTools.feeds.open")}
                  </Button>
                }
              />
              <Title order={3} size="h4" mt="sm">
                {t("agendaTools.feeds.placesTitle")}
              </Title>
              {feeds.data.placeFeeds.length ? (
                <Stack gap="sm">
                  {feeds.data.placeFeeds.map((p) => (
                    <CopyField
                      key={p.placeId}
                      label={t("agendaTools.feeds.placeFeed", { name: p.name })}
                      value={absoluteUrl(p.url)}
                      extra={<SubscribeLink url={p.url} name={p.name} />}
                    />
                  ))}
                </Stack>
              ) : (
                <Text c="gray.7">{t("agendaTools.feeds.noPlace")}</Text>
              )}
            </Stack>
          </Paper>
          <PrivateFeed slug={slug} feeds={feeds.data} />
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="embed">
            <Stack gap="md">
              <Title order={2} size="h3" id="embed">
                {t("agendaTools.feeds.embedTitle")}
              </Title>
              <Text>
                {t("agendaTools.feeds.publicAgendaIntro")}{" "}
                <Anchor href={absoluteUrl(feeds.data.publicAgenda)} underline="always">
                  {absoluteUrl(feeds.data.publicAgenda)}
                </Anchor>
              </Text>
              <CopyField
                multiline
                label={t("agendaTools.feeds.embedCode")}
                description={t("agendaTools.feeds.embedIntro")}
                value={embedSnippet(feeds.data.embed, t("agendaTools.feeds.embedFrameTitle", { name }))}
              />
            </Stack>
          </Paper>
        </Stack>
      )}
    </PageLayout>
  );
}
